"""`auditor.collectors.code.k8s_rbac`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.kind,self.name,self.namespace,self.rel,self.line,self.grants,self.bindings,self.unresolved,)==(other.kind,other.name,other.namespace,other.rel,other.line,other.grants,other.bindings,other.unresolved,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.kind,self.name,self.namespace,self.rel,self.line,self.grants,self.bindings,self.unresolved,)==(other.kind,other.name,other.namespace,other.rel,other.line,other.grants,other.bindings,other.unresolved,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.name,self.namespace,self.rules,self.rel,self.line,)==(other.name,other.namespace,other.rules,other.rel,other.line,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.name,self.namespace,self.rules,self.rel,self.line,)==(other.name,other.namespace,other.rules,other.rel,other.line,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, namespace={self.namespace!r}, rel={self.rel!r}, line={self.line!r}, grants={self.grants!r}, bindings={self.bindings!r}, unresolved={self.unresolved!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, namespace={self.namespace!r}, rel={self.rel!r}, line={self.line!r}, grants={self.grants!r}, bindings={self.bindings!r}, unresolved={self.unresolved!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(name={self.name!r}, namespace={self.namespace!r}, rules={self.rules!r}, rel={self.rel!r}, line={self.line!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(name={self.name!r}, namespace={self.namespace!r}, rules={self.rules!r}, rel={self.rel!r}, line={self.line!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_name, _type_namespace, _type_rel, _type_line, _type_grants, _type_bindings, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_grants, _dflt_bindings, _dflt_unresolved, _return_type):
 def __init__(self,kind:_type_kind,name:_type_name,namespace:_type_namespace,rel:_type_rel,line:_type_line,grants:_type_grants=_HAS_DEFAULT_FACTORY,bindings:_type_bindings=_HAS_DEFAULT_FACTORY,unresolved:_type_unresolved=_HAS_DEFAULT_FACTORY)->_return_type:
  self.kind=kind
  self.name=name
  self.namespace=namespace
  self.rel=rel
  self.line=line
  self.grants=_dflt_grants() if grants is _HAS_DEFAULT_FACTORY else grants
  self.bindings=_dflt_bindings() if bindings is _HAS_DEFAULT_FACTORY else bindings
  self.unresolved=_dflt_unresolved() if unresolved is _HAS_DEFAULT_FACTORY else unresolved
 return __init__
TABLE['def __create_fn__(_type_kind, _type_name, _type_namespace, _type_rel, _type_line, _type_grants, _type_bindings, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_grants, _dflt_bindings, _dflt_unresolved, _return_type):\n def __init__(self,kind:_type_kind,name:_type_name,namespace:_type_namespace,rel:_type_rel,line:_type_line,grants:_type_grants=_HAS_DEFAULT_FACTORY,bindings:_type_bindings=_HAS_DEFAULT_FACTORY,unresolved:_type_unresolved=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.kind=kind\n  self.name=name\n  self.namespace=namespace\n  self.rel=rel\n  self.line=line\n  self.grants=_dflt_grants() if grants is _HAS_DEFAULT_FACTORY else grants\n  self.bindings=_dflt_bindings() if bindings is _HAS_DEFAULT_FACTORY else bindings\n  self.unresolved=_dflt_unresolved() if unresolved is _HAS_DEFAULT_FACTORY else unresolved\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_name, _type_namespace, _type_rules, _type_rel, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,name:_type_name,namespace:_type_namespace,rules:_type_rules,rel:_type_rel,line:_type_line)->_return_type:
  self.name=name
  self.namespace=namespace
  self.rules=rules
  self.rel=rel
  self.line=line
 return __init__
TABLE['def __create_fn__(_type_name, _type_namespace, _type_rules, _type_rel, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,name:_type_name,namespace:_type_namespace,rules:_type_rules,rel:_type_rel,line:_type_line)->_return_type:\n  self.name=name\n  self.namespace=namespace\n  self.rules=rules\n  self.rel=rel\n  self.line=line\n return __init__'] = (__create_fn__, ())
