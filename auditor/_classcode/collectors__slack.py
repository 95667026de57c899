"""`auditor.collectors.slack`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.client,self.budget,)==(other.client,other.budget,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.client,self.budget,)==(other.client,other.budget,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(client={self.client!r}, budget={self.budget!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(client={self.client!r}, budget={self.budget!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_client, _type_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,client:_type_client,budget:_type_budget)->_return_type:
  self.client=client
  self.budget=budget
 return __init__
TABLE['def __create_fn__(_type_client, _type_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,client:_type_client,budget:_type_budget)->_return_type:\n  self.client=client\n  self.budget=budget\n return __init__'] = (__create_fn__, ())
