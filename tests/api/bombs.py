"""Hostile PDFs made on the spot (issue 11, finding 2): small files that cost a reader minutes
or gigabytes unless it is bounded. Nothing here is a real statement.

    nested_forms(depth=30, fanout=4)   form XObjects, each drawing the next `fanout` times:
                                       fanout**depth drawings of one glyph from a few KB
    flate_bomb(gigabytes=4, layers=2)  a page whose content stream is Flate inside Flate
                                       (`layers` filters) and inflates to gigabytes of
                                       whitespace: one endless token
    operator_flood(millions=30)        a compressed content stream of millions of tiny
                                       drawing operators
"""

import zlib


def _pdf(objects):
    """A PDF from [(body bytes)] numbered 1.., object 1 the catalog; with a correct xref."""
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data, extra=b'', filters=0):
    f = b''
    if filters == 1:
        f = b' /Filter /FlateDecode'
    elif filters > 1:
        f = b' /Filter [' + b' '.join([b'/FlateDecode'] * filters) + b']'
    return b'<< /Length %d%s %s >>\nstream\n' % (len(data), f, extra) + data + b'\nendstream'


FONT = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'


def _page_doc(content_obj, resources=b'<< /Font << /F1 4 0 R >> >>', extra=()):
    """Catalog 1, pages 2, page 3, font 4, content 5, then extra objects from 6."""
    return _pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                 b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                 b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>'
                 % resources,
                 FONT, content_obj] + list(extra))


def nested_forms(depth=30, fanout=4):
    forms = []
    first = 6
    for i in range(depth):
        num = first + i
        if i + 1 < depth:
            body = b' '.join([b'/X Do'] * fanout)
            res = b'<< /XObject << /X %d 0 R >> >>' % (num + 1)
        else:
            body = b'BT /F1 12 Tf 72 700 Td (deep) Tj ET'
            res = b'<< /Font << /F1 4 0 R >> >>'
        forms.append(_stream(body, b'/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s' % res))
    content = _stream(b'/X Do')
    return _page_doc(content, b'<< /XObject << /X %d 0 R >> /Font << /F1 4 0 R >> >>' % first, forms)


def _adler_combine(a1, a2, len2):
    base = 65521
    rem = len2 % base
    s1 = a1 & 0xffff
    s2 = (rem * s1) % base
    s1 += (a2 & 0xffff) + base - 1
    s2 += (a1 >> 16) + (a2 >> 16) + base - rem
    s1 %= base
    s2 %= base
    return (s2 << 16) | s1


def _adler_repeat(chunk, times):
    """adler32 of chunk * times, by doubling."""
    result, have = 1, 0
    piece, plen = zlib.adler32(chunk), len(chunk)
    while times:
        if times & 1:
            result = _adler_combine(result, piece, plen) if have else piece
            have += plen
        piece = _adler_combine(piece, piece, plen)
        plen *= 2
        times >>= 1
    return result


def _deflate_repeat(chunk, times):
    """zlib data inflating to chunk * times (a valid stream, checksum included), built from one
    compressed copy of chunk (a full flush makes each copy's compressed form independent)."""
    c = zlib.compressobj(9)
    head = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    body = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.flush(zlib.Z_FINISH)[:-4]   # the final empty block, then our checksum
    return head + body * (times - 1) + tail + _adler_repeat(chunk, times).to_bytes(4, 'big')


def flate_bomb(gigabytes=4, layers=2):
    chunk = b' ' * (1 << 20)
    data = _deflate_repeat(chunk, int(gigabytes * 1024))
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    return _page_doc(_stream(data, filters=layers))


def operator_flood(millions=30):
    unit = b'0 0 m 1 1 l S\n' * 4096
    data = _deflate_repeat(unit, max(1, int(millions * 1e6 / 3 / 4096)))
    return _page_doc(_stream(data, filters=1))


if __name__ == '__main__':
    import sys
    kind = sys.argv[1]
    sys.stdout.buffer.write({'forms': nested_forms, 'flate': flate_bomb, 'ops': operator_flood}[kind]())


def heavy_pages(pages=500, numbers=20000):
    """Not a bomb: `pages` pages of a line of text each, whose page dictionaries carry an array of
    `numbers` numbers that a reader parses and keeps while the document is open. Memory grows
    with every page read, as with statements whose pages carry large structures."""
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % (5 + 2 * i) for i in range(pages)),
                                                          pages),
            FONT, b'null']
    junk = b'[' + b' '.join(b'%d' % (i * 7919 % 100000) for i in range(numbers)) + b']'
    for i in range(pages):
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> '
                    b'/Contents %d 0 R /PieceInfo << /Passbook << /Private %s >> >> >>' % (6 + 2 * i, junk))
        objs.append(_stream(b'BT /F1 12 Tf 72 700 Td (Page %d of a heavy document) Tj ET' % (i + 1)))
    return _pdf(objs)
