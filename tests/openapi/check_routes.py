"""Every route of src/api/*.c is a path of data/openapi.json with the same
methods, and every path and method of the document is a route. Route
patterns are read from the route tables (ROUTE_GET(...), {HTTP_POST, ...})."""
import glob
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROUTE = re.compile(r'ROUTE_(GET|POST|POST_JSON|DELETE)\(\s*"([^"]+)"|\{\s*HTTP_(GET|POST|DELETE|PUT)\s*,\s*"([^"]+)"')


def norm(path):
    path = re.sub(r'<[^>]+>|\{[^}]+\}', '{}', path)
    return path.rstrip('/') or '/'


def main():
    routes = set()
    for f in glob.glob(os.path.join(REPO, 'src', 'api', '*.c')):
        for m in ROUTE.finditer(open(f).read()):
            method = (m.group(1) or m.group(3)).replace('POST_JSON', 'POST').lower()
            routes.add((method, norm(m.group(2) or m.group(4))))
    doc = json.load(open(os.path.join(REPO, 'data', 'openapi.json')))
    documented = set()
    for path, item in doc['paths'].items():
        for method in ('get', 'post', 'put', 'delete', 'patch'):
            if method in item:
                documented.add((method, norm(path)))
    missing = sorted(routes - documented)
    extra = sorted(documented - routes)
    for m, p in missing:
        print('route not in data/openapi.json: %s %s' % (m.upper(), p))
    for m, p in extra:
        print('data/openapi.json describes no route: %s %s' % (m.upper(), p))
    print('%d routes, %d documented operations' % (len(routes), len(documented)))
    return 1 if missing or extra else 0


if __name__ == '__main__':
    sys.exit(main())
