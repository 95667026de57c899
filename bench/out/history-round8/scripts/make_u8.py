"""A non-ASCII copy of a generated corpus (not a test fixture; a temporary bench input): three files in four
get UTF-8 text: a comment line of accented Latin, CJK and an emoji first (or last, for JSON), one `e` in five
accented, or a no-break space after one `: ` in seven."""
import os, shutil, sys
src, dst = sys.argv[1:3]
LINE = "caf\u00e9 na\u00efve \u4e2d\u6587\u6ce8\u91ca \U0001f680 \u00fcber \u0414\u0430"
n = 0
for root, _dirs, files in os.walk(src):
    for name in sorted(files):
        s = os.path.join(root, name)
        d = os.path.join(dst, os.path.relpath(s, src))
        os.makedirs(os.path.dirname(d), exist_ok=True)
        data = open(s, "rb").read()
        mode = n % 4
        n += 1
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            mode = 0
        if mode == 1:
            if name.endswith(".json"):
                text = text.replace('"', '"\u00e9', 1) if text.count('"') > 1 else text
            else:
                text = f"# {LINE}\n{text}"
        elif mode == 2:
            parts = text.split("e")
            text = "".join(p + ("" if i == len(parts) - 1 else "\u00e9" if i % 5 == 0 else "e") for i, p in enumerate(parts))
        elif mode == 3:
            parts = text.split(": ")
            text = "".join(p + ("" if i == len(parts) - 1 else ":\u00a0" if i % 7 == 3 else ": ") for i, p in enumerate(parts))
            if not name.endswith(".json"):
                text += f"\n# {LINE} \u2014 fin\n"
        if mode:
            data = text.encode("utf-8")
        open(d, "wb").write(data)
print(n)
