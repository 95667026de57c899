"""Old (base) vs new per-key helpers of config_checks on real and generated keys."""
import importlib.util, sys, pickle
from hypothesis import given, settings, strategies as st
def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m
old = load('/work/wt/base/auditor/engine/checks/config_checks.py', 'old_cc')
import auditor.engine.checks.config_checks as new
FNS = ['_plain', '_last', '_parent', '_oauth_key', '_origin_key', '_privilege_key', '_oauth_relevant', '_origin_relevant', '_privilege_relevant', '_lifetime_relevant', '_dated_path']
def same(k):
    for f in FNS:
        a, b = getattr(old, f)(k), getattr(new, f)(k)
        assert a == b, (f, k, a, b)
keys = set()
for p in sys.argv[1:]:
    for f in pickle.load(open(p, 'rb')):
        for s in f.settings:
            keys.add(s.key); keys.add(s.location.key or s.key)
for k in keys: same(k)
print('real keys', len(keys), 'same')
words = ["pkce", "PKCE", "code_challenge", "codeChallenge", "token-endpoint-auth-method", "TokenEndpointAuthMethod", "public_client", "isPublic", "type", "Type", "grant", "GRANT", "response_type", "responseType", "Response-Type", "implicit", "Implicit", "cors", "CORS", "origin", "ip_allow", "allowedIPs", "bound_cidrs", "source_ranges", "relax", "RELAX", "permission", "Role", "roleRef", "scope", "resource", "capabilities", "path", "*", "profile", "Profile", "a", "0", "[1]", "ſ", "K", "İ", "x", "", "\n", "-", "_", "ﬀ"]
@settings(max_examples=30000, deadline=None)
@given(st.lists(st.sampled_from(words), max_size=5), st.lists(st.sampled_from([".", "", "-", "_", "[0]", ".0."]), max_size=5))
def t(ws, seps):
    k = ""
    for i, w in enumerate(ws):
        k += w + (seps[i] if i < len(seps) else "")
    same(k)
t()
@settings(max_examples=20000, deadline=None)
@given(st.text(max_size=20))
def u(k): same(k)
u()
print('generated same')
