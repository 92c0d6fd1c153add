import random
from packaging.specifiers import SpecifierSet, InvalidSpecifier
from packaging.version import Version
random.seed(5)
vers = ['1.0', '1.0.0', '1.0a1', '1.0.dev0', '1.0.post1', '1.0+local', '1.0.1', '1.1', '2.0rc1', '2.0', '2.0.post1.dev1', '0.9', '1!1.0', '1.0.0+abc.5', '3.1.dev0', '3.0.dev0', '1.5', '1.5.1', '1.4.3']
ops = ['==', '!=', '<', '<=', '>', '>=', '~=', '===']
def sv():
    return random.choice(['1', '1.0', '1.0.0', '1.0a1', '2.0', '1.*', '1.0.*', '2.0rc1', '1.0+local', '1.5', '1.4.2', '1!1.0', '3.1', '1.0.post1', '1.0.dev0', 'v1.0', '1.0-1'])
out = []
for i in range(3000):
    n = random.randint(0, 3)
    specs = [random.choice(ops) + random.choice(['', ' ']) + sv() for _ in range(n)]
    s = random.choice([',', ', ']).join(specs)
    v = random.choice(vers)
    try:
        ss = SpecifierSet(s)
        r = ('true' if ss.contains(v) else 'false') + ' ' + ('true' if ss.contains(v, prereleases=True) else 'false')
    except InvalidSpecifier:
        r = 'ERR'
    except Exception:
        continue
    out.append(s + '\t' + v + '\t' + r)
print('\n'.join(out))
