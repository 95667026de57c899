"""`auditor.extract.bicep`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.decls,self.extensions,self.unknown,)==(other.decls,other.extensions,other.unknown,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.decls,self.extensions,self.unknown,)==(other.decls,other.extensions,other.unknown,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.kind,self.name,self.line,self.type,self.value,self.decorators,self.existing,self.parent,)==(other.kind,other.name,other.line,other.type,other.value,other.decorators,other.existing,other.parent,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.kind,self.name,self.line,self.type,self.value,self.decorators,self.existing,self.parent,)==(other.kind,other.name,other.line,other.type,other.value,other.decorators,other.existing,other.parent,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.text,self.line,)==(other.text,other.line,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.text,self.line,)==(other.text,other.line,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.text,self.line,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.text,self.line,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(decls={self.decls!r}, extensions={self.extensions!r}, unknown={self.unknown!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(decls={self.decls!r}, extensions={self.extensions!r}, unknown={self.unknown!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, line={self.line!r}, type={self.type!r}, value={self.value!r}, decorators={self.decorators!r}, existing={self.existing!r}, parent={self.parent!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, line={self.line!r}, type={self.type!r}, value={self.value!r}, decorators={self.decorators!r}, existing={self.existing!r}, parent={self.parent!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(text={self.text!r}, line={self.line!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(text={self.text!r}, line={self.line!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_decls, _type_extensions, _type_unknown, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_decls, _dflt_extensions, _dflt_unknown, _return_type):
 def __init__(self,decls:_type_decls=_HAS_DEFAULT_FACTORY,extensions:_type_extensions=_HAS_DEFAULT_FACTORY,unknown:_type_unknown=_HAS_DEFAULT_FACTORY)->_return_type:
  self.decls=_dflt_decls() if decls is _HAS_DEFAULT_FACTORY else decls
  self.extensions=_dflt_extensions() if extensions is _HAS_DEFAULT_FACTORY else extensions
  self.unknown=_dflt_unknown() if unknown is _HAS_DEFAULT_FACTORY else unknown
 return __init__
TABLE['def __create_fn__(_type_decls, _type_extensions, _type_unknown, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_decls, _dflt_extensions, _dflt_unknown, _return_type):\n def __init__(self,decls:_type_decls=_HAS_DEFAULT_FACTORY,extensions:_type_extensions=_HAS_DEFAULT_FACTORY,unknown:_type_unknown=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.decls=_dflt_decls() if decls is _HAS_DEFAULT_FACTORY else decls\n  self.extensions=_dflt_extensions() if extensions is _HAS_DEFAULT_FACTORY else extensions\n  self.unknown=_dflt_unknown() if unknown is _HAS_DEFAULT_FACTORY else unknown\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_name, _type_line, _type_type, _type_value, _type_decorators, _type_existing, _type_parent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _dflt_value, _dflt_decorators, _dflt_existing, _dflt_parent, _return_type):
 def __init__(self,kind:_type_kind,name:_type_name,line:_type_line,type:_type_type=_dflt_type,value:_type_value=_dflt_value,decorators:_type_decorators=_dflt_decorators,existing:_type_existing=_dflt_existing,parent:_type_parent=_dflt_parent)->_return_type:
  self.kind=kind
  self.name=name
  self.line=line
  self.type=type
  self.value=value
  self.decorators=decorators
  self.existing=existing
  self.parent=parent
 return __init__
TABLE['def __create_fn__(_type_kind, _type_name, _type_line, _type_type, _type_value, _type_decorators, _type_existing, _type_parent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _dflt_value, _dflt_decorators, _dflt_existing, _dflt_parent, _return_type):\n def __init__(self,kind:_type_kind,name:_type_name,line:_type_line,type:_type_type=_dflt_type,value:_type_value=_dflt_value,decorators:_type_decorators=_dflt_decorators,existing:_type_existing=_dflt_existing,parent:_type_parent=_dflt_parent)->_return_type:\n  self.kind=kind\n  self.name=name\n  self.line=line\n  self.type=type\n  self.value=value\n  self.decorators=decorators\n  self.existing=existing\n  self.parent=parent\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_text, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,text:_type_text,line:_type_line)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
 return __init__
TABLE["def __create_fn__(_type_text, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,text:_type_text,line:_type_line)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('text','line',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'text\',\'line\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('text','line',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'text\',\'line\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
