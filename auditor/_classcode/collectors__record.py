"""`auditor.collectors.record`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.coverage,self.unread,)==(other.platform,other.coverage,other.unread,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.coverage,self.unread,)==(other.platform,other.coverage,other.unread,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(platform={self.platform!r}, coverage={self.coverage!r}, unread={self.unread!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(platform={self.platform!r}, coverage={self.coverage!r}, unread={self.unread!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_coverage, _type_unread, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_coverage, _dflt_unread, _return_type):
 def __init__(self,platform:_type_platform,coverage:_type_coverage=_HAS_DEFAULT_FACTORY,unread:_type_unread=_HAS_DEFAULT_FACTORY)->_return_type:
  self.platform=platform
  self.coverage=_dflt_coverage() if coverage is _HAS_DEFAULT_FACTORY else coverage
  self.unread=_dflt_unread() if unread is _HAS_DEFAULT_FACTORY else unread
 return __init__
TABLE['def __create_fn__(_type_platform, _type_coverage, _type_unread, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_coverage, _dflt_unread, _return_type):\n def __init__(self,platform:_type_platform,coverage:_type_coverage=_HAS_DEFAULT_FACTORY,unread:_type_unread=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.platform=platform\n  self.coverage=_dflt_coverage() if coverage is _HAS_DEFAULT_FACTORY else coverage\n  self.unread=_dflt_unread() if unread is _HAS_DEFAULT_FACTORY else unread\n return __init__'] = (__create_fn__, ())
