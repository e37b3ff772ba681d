"""Checks every response the API tests receive against data/openapi.json.

harness.Server.request and Server.raw call check() for each response; a
response the document does not describe (an undocumented path, method or
status, another content type, a JSON body that does not validate against the
response's schema) fails the test that received it. So the document cannot
drift from the code: a change to either without the other turns a test red.

JSON bodies are validated with the jsonschema package (OpenAPI 3.1 schemas
are JSON Schema 2020-12). Paths are matched like the server's router: a
trailing slash is optional, {param} is one path segment, and literal
segments win over parameters.

Webhook deliveries are checked the same way against the document's
`webhooks` (receiver.Receiver calls webhook_problems for every POST it gets):
the event named by x-passbook-event, its headers and its JSON body.

PB_OPENAPI_RECORD=FILE appends every problem to FILE (JSON lines) instead of
failing, and PB_OPENAPI_SAMPLES=FILE every response: tools for whoever extends
the document.
"""

import json
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DOC_PATH = os.path.join(REPO, 'data', 'openapi.json')

try:
    import jsonschema
except ImportError:  # a python without it: Debian's python3-jsonschema (install-deps.sh)
    sys.path.append('/usr/lib/python3/dist-packages')
    import jsonschema

_doc = None
_paths = None
_validators = {}


def document():
    global _doc, _paths
    if _doc is None:
        with open(DOC_PATH) as f:
            _doc = json.load(f)
        _paths = []
        for template, item in _doc['paths'].items():
            segs = template.strip('/').split('/') if template != '/' else []
            literal = sum(1 for s in segs if not s.startswith('{'))
            rx = '^/' + '/'.join('[^/]+' if s.startswith('{') else re.escape(s) for s in segs) + '/?$'
            if template == '/':
                rx = '^/$'
            _paths.append((-literal, len(segs), template, re.compile(rx), item))
        _paths.sort(key=lambda p: (p[1], p[0]))
    return _doc


def find_path(path):
    document()
    best = None
    for neg_literal, nsegs, template, rx, item in _paths:
        if rx.match(path) and (best is None or neg_literal < best[0]):
            best = (neg_literal, template, item)
    return (best[1], best[2]) if best else (None, None)


def _validator(schema_key, schema):
    v = _validators.get(schema_key)
    if v is None:
        doc = document()
        # The schema is validated inside a root that holds the components, so
        # "#/components/schemas/X" references resolve against it.
        root = {'$schema': 'https://json-schema.org/draft/2020-12/schema',
                'components': doc.get('components', {}), 'allOf': [schema]}
        v = jsonschema.Draft202012Validator(root)
        _validators[schema_key] = v
    return v


def _response_for(operation, status):
    responses = operation.get('responses', {})
    for key in (str(status), '%dXX' % (status // 100), 'default'):
        if key in responses:
            resp = responses[key]
            if '$ref' in resp:
                name = resp['$ref'].rsplit('/', 1)[-1]
                resp = document()['components']['responses'][name]
            return key, resp
    return None, None


def problems(method, url, status, headers, body):
    """The ways a response differs from the document (empty when it matches)."""
    path = urllib.parse.urlsplit(url).path or '/'
    template, item = find_path(path)
    method = method.upper()
    server = document()['components']['x-server-errors']  # the front end's, on any path
    if template is None:
        if status in (404, 405):  # an unknown path: the server's own error
            item = {'get': document()['components']['x-unmatched']}
            template, method = '(unmatched)', 'GET'
        elif str(status) in server['responses']:
            item, template, method = {'get': server}, '(any path)', 'GET'
        else:
            return ['%s %s: path not in the document (status %d)' % (method, path, status)]
    op = item.get('get' if method == 'HEAD' else method.lower())
    if op is None:
        if status == 405:
            op = document()['components']['x-unmatched']
        elif str(status) in server['responses']:
            op = server
        else:
            return ['%s %s: method not in the document (status %d)' % (method, template, status)]
    key, resp = _response_for(op, status)
    if resp is None and str(status) in server['responses']:
        key, resp = _response_for(server, status)
    if resp is None:
        return ['%s %s: status %d not in the document' % (method, template, status)]
    content = resp.get('content')
    ctype = (headers.get('content-type') or '').split(';')[0].strip().lower()
    if method == 'HEAD' or status == 204:
        return []
    if not content:
        return [] if not body else ['%s %s %d: undocumented body (%s)' % (method, template, status, ctype)]
    media = content.get(ctype)
    if media is None:
        media = content.get('*/*')
    if media is None:
        return ['%s %s %d: content type %r not in %s' % (method, template, status, ctype, sorted(content))]
    schema = media.get('schema')
    if ctype != 'application/json' or schema is None:
        return []
    try:
        value = json.loads(body.decode('utf-8'))
    except ValueError as e:
        return ['%s %s %d: body is not JSON: %s' % (method, template, status, e)]
    v = _validator((template, method, key, ctype), schema)
    out = []
    for err in sorted(v.iter_errors(value), key=lambda e: list(e.path))[:5]:
        where = '/'.join(str(p) for p in err.path) or '(root)'
        out.append('%s %s %d: %s: %s' % (method, template, status, where, err.message[:300]))
    return out


def _resolve(obj):
    """A $ref'd parameter or schema holder, looked up in the document."""
    while isinstance(obj, dict) and '$ref' in obj:
        node = document()
        for part in obj['$ref'].lstrip('#/').split('/'):
            node = node[part]
        obj = node
    return obj


def webhook_problems(headers, body):
    """The ways a webhook delivery (lower-case headers, raw body) differs from
    the document's webhooks (empty when it matches)."""
    event = headers.get('x-passbook-event')
    item = document().get('webhooks', {}).get(event or '')
    if item is None:
        return ['webhook %r: event not in the document' % event]
    op = item['post']
    out = []
    for p in (_resolve(p) for p in op.get('parameters', [])):
        if p['in'] != 'header':
            continue
        value = headers.get(p['name'].lower())
        if value is None:
            if p.get('required'):
                out.append('webhook %s: header %s missing' % (event, p['name']))
            continue
        v = _validator(('webhook', event, p['name']), p['schema'])
        out += ['webhook %s: header %s: %s' % (event, p['name'], e.message[:200]) for e in v.iter_errors(value)]
    ctype = (headers.get('content-type') or '').split(';')[0].strip().lower()
    media = op['requestBody']['content'].get(ctype)
    if media is None:
        return out + ['webhook %s: content type %r' % (event, ctype)]
    try:
        value = json.loads(body.decode('utf-8'))
    except ValueError as e:
        return out + ['webhook %s: body is not JSON: %s' % (event, e)]
    v = _validator(('webhook', event, ctype), media['schema'])
    for err in sorted(v.iter_errors(value), key=lambda e: list(e.path))[:5]:
        where = '/'.join(str(p) for p in err.path) or '(root)'
        out.append('webhook %s: %s: %s' % (event, where, err.message[:300]))
    return out


def check(method, url, status, headers, body):
    """Raises AssertionError listing the problems, or records them."""
    samples = os.environ.get('PB_OPENAPI_SAMPLES')
    if samples:  # every response, for drafting schemas
        with open(samples, 'a') as f:
            f.write(json.dumps({'method': method, 'path': urllib.parse.urlsplit(url).path, 'status': status,
                                'ctype': headers.get('content-type'),
                                'body': body[:200000].decode('utf-8', 'replace')}) + '\n')
        return
    found = problems(method, url, status, headers, body)
    if not found:
        return
    record = os.environ.get('PB_OPENAPI_RECORD')
    if record:
        with open(record, 'a') as f:
            for p in found:
                f.write(json.dumps({'problem': p, 'body': body[:4000].decode('utf-8', 'replace')}) + '\n')
        return
    raise AssertionError('response does not match data/openapi.json:\n  ' + '\n  '.join(found))
