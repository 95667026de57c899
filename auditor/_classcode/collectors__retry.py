"""`auditor.collectors.retry`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.count,self.retries,)==(other.count,other.retries,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.count,self.retries,)==(other.count,other.retries,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(count={self.count!r}, retries={self.retries!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(count={self.count!r}, retries={self.retries!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_count, _type_retries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_count, _dflt_retries, _return_type):
 def __init__(self,count:_type_count=_dflt_count,retries:_type_retries=_dflt_retries)->_return_type:
  self.count=count
  self.retries=retries
 return __init__
TABLE['def __create_fn__(_type_count, _type_retries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_count, _dflt_retries, _return_type):\n def __init__(self,count:_type_count=_dflt_count,retries:_type_retries=_dflt_retries)->_return_type:\n  self.count=count\n  self.retries=retries\n return __init__'] = (__create_fn__, ())
