import json, sys, re
def load(p):
    t = open(p).read()
    d = json.loads(t)
    def blank(o):
        if isinstance(o, dict):
            return {k: ("<T>" if re.search(r"time|date|generated|_at$|duration|elapsed|^started$|^finished$", k, re.I) and isinstance(v, (str, int, float)) else blank(v)) for k, v in o.items()}
        if isinstance(o, list): return [blank(x) for x in o]
        return o
    return blank(d)
a, b = load(sys.argv[1]), load(sys.argv[2])
print("IDENTICAL (timestamps blanked)" if a == b else "DIFFERENT")
