"""`auditor.collectors.vault_policy`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.pattern,self.capabilities,self.policy,)==(other.pattern,other.capabilities,other.policy,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.pattern,self.capabilities,self.policy,)==(other.pattern,other.capabilities,other.policy,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.pattern,self.capabilities,self.policy,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.pattern,self.capabilities,self.policy,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(pattern={self.pattern!r}, capabilities={self.capabilities!r}, policy={self.policy!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(pattern={self.pattern!r}, capabilities={self.capabilities!r}, policy={self.policy!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_pattern, _type_capabilities, _type_policy, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_policy, _return_type):
 def __init__(self,pattern:_type_pattern,capabilities:_type_capabilities,policy:_type_policy=_dflt_policy)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'policy',policy)
 return __init__
TABLE["def __create_fn__(_type_pattern, _type_capabilities, _type_policy, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_policy, _return_type):\n def __init__(self,pattern:_type_pattern,capabilities:_type_capabilities,policy:_type_policy=_dflt_policy)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'policy',policy)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('pattern','capabilities','policy',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'pattern\',\'capabilities\',\'policy\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('pattern','capabilities','policy',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'pattern\',\'capabilities\',\'policy\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
