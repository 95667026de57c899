"""`auditor.collectors.code.terraform`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.blocks,self.variables,self.locals,)==(other.blocks,other.variables,other.locals,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.blocks,self.variables,self.locals,)==(other.blocks,other.variables,other.locals,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.mode,self.type,self.name,self.body,self.rel,self.line,)==(other.mode,other.type,other.name,other.body,other.rel,other.line,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.mode,self.type,self.name,self.body,self.rel,self.line,)==(other.mode,other.type,other.name,other.body,other.rel,other.line,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.text,)==(other.text,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.text,)==(other.text,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.text,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.text,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(blocks={self.blocks!r}, variables={self.variables!r}, locals={self.locals!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(blocks={self.blocks!r}, variables={self.variables!r}, locals={self.locals!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(mode={self.mode!r}, type={self.type!r}, name={self.name!r}, body={self.body!r}, rel={self.rel!r}, line={self.line!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(mode={self.mode!r}, type={self.type!r}, name={self.name!r}, body={self.body!r}, rel={self.rel!r}, line={self.line!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(text={self.text!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(text={self.text!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_blocks, _type_variables, _type_locals, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blocks, _dflt_variables, _dflt_locals, _return_type):
 def __init__(self,blocks:_type_blocks=_HAS_DEFAULT_FACTORY,variables:_type_variables=_HAS_DEFAULT_FACTORY,locals:_type_locals=_HAS_DEFAULT_FACTORY)->_return_type:
  self.blocks=_dflt_blocks() if blocks is _HAS_DEFAULT_FACTORY else blocks
  self.variables=_dflt_variables() if variables is _HAS_DEFAULT_FACTORY else variables
  self.locals=_dflt_locals() if locals is _HAS_DEFAULT_FACTORY else locals
  self.__post_init__()
 return __init__
TABLE['def __create_fn__(_type_blocks, _type_variables, _type_locals, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blocks, _dflt_variables, _dflt_locals, _return_type):\n def __init__(self,blocks:_type_blocks=_HAS_DEFAULT_FACTORY,variables:_type_variables=_HAS_DEFAULT_FACTORY,locals:_type_locals=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.blocks=_dflt_blocks() if blocks is _HAS_DEFAULT_FACTORY else blocks\n  self.variables=_dflt_variables() if variables is _HAS_DEFAULT_FACTORY else variables\n  self.locals=_dflt_locals() if locals is _HAS_DEFAULT_FACTORY else locals\n  self.__post_init__()\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_mode, _type_type, _type_name, _type_body, _type_rel, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,mode:_type_mode,type:_type_type,name:_type_name,body:_type_body,rel:_type_rel,line:_type_line)->_return_type:
  self.mode=mode
  self.type=type
  self.name=name
  self.body=body
  self.rel=rel
  self.line=line
 return __init__
TABLE['def __create_fn__(_type_mode, _type_type, _type_name, _type_body, _type_rel, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,mode:_type_mode,type:_type_type,name:_type_name,body:_type_body,rel:_type_rel,line:_type_line)->_return_type:\n  self.mode=mode\n  self.type=type\n  self.name=name\n  self.body=body\n  self.rel=rel\n  self.line=line\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,text:_type_text)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
 return __init__
TABLE["def __create_fn__(_type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,text:_type_text)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('text',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'text\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('text',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'text\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
