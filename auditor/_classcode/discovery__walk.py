"""`auditor.discovery.walk`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.base,self.spec,self.source,self.git,)==(other.base,other.spec,other.source,other.git,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.base,self.spec,self.source,self.git,)==(other.base,other.spec,other.source,other.git,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.files,self.dirs,)==(other.files,other.dirs,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.files,self.dirs,)==(other.files,other.dirs,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.path,self.rel,self.size,self.dev,self.ino,)==(other.path,other.rel,other.size,other.dev,other.ino,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.path,self.rel,self.size,self.dev,self.ino,)==(other.path,other.rel,other.size,other.dev,other.ino,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.base,self.spec,self.source,self.git,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.base,self.spec,self.source,self.git,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.files,self.dirs,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.files,self.dirs,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.path,self.rel,self.size,self.dev,self.ino,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.path,self.rel,self.size,self.dev,self.ino,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(base={self.base!r}, spec={self.spec!r}, source={self.source!r}, git={self.git!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(base={self.base!r}, spec={self.spec!r}, source={self.source!r}, git={self.git!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(files={self.files!r}, dirs={self.dirs!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(files={self.files!r}, dirs={self.dirs!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(path={self.path!r}, rel={self.rel!r}, size={self.size!r}, dev={self.dev!r}, ino={self.ino!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(path={self.path!r}, rel={self.rel!r}, size={self.size!r}, dev={self.dev!r}, ino={self.ino!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_base, _type_spec, _type_source, _type_git, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_source, _dflt_git, _return_type):
 def __init__(self,base:_type_base,spec:_type_spec,source:_type_source=_dflt_source,git:_type_git=_dflt_git)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'base',base)
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'git',git)
 return __init__
TABLE["def __create_fn__(_type_base, _type_spec, _type_source, _type_git, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_source, _dflt_git, _return_type):\n def __init__(self,base:_type_base,spec:_type_spec,source:_type_source=_dflt_source,git:_type_git=_dflt_git)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'base',base)\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'git',git)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_files, _type_dirs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,files:_type_files,dirs:_type_dirs)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)
 return __init__
TABLE["def __create_fn__(_type_files, _type_dirs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,files:_type_files,dirs:_type_dirs)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_path, _type_rel, _type_size, _type_dev, _type_ino, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dev, _dflt_ino, _return_type):
 def __init__(self,path:_type_path,rel:_type_rel,size:_type_size,dev:_type_dev=_dflt_dev,ino:_type_ino=_dflt_ino)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'dev',dev)
  __dataclass_builtins_object__.__setattr__(self,'ino',ino)
 return __init__
TABLE["def __create_fn__(_type_path, _type_rel, _type_size, _type_dev, _type_ino, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dev, _dflt_ino, _return_type):\n def __init__(self,path:_type_path,rel:_type_rel,size:_type_size,dev:_type_dev=_dflt_dev,ino:_type_ino=_dflt_ino)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'dev',dev)\n  __dataclass_builtins_object__.__setattr__(self,'ino',ino)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('base','spec','source','git',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'base\',\'spec\',\'source\',\'git\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('files','dirs',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'files\',\'dirs\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','rel','size','dev','ino',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'rel\',\'size\',\'dev\',\'ino\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('base','spec','source','git',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'base\',\'spec\',\'source\',\'git\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('files','dirs',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'files\',\'dirs\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','rel','size','dev','ino',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'rel\',\'size\',\'dev\',\'ino\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
