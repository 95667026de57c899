"""`auditor.collectors.code.deputy`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.module,self.path,self.name,self.line,self.calls,self.uses,self.per_user,)==(other.module,other.path,other.name,other.line,other.calls,other.uses,other.per_user,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.module,self.path,self.name,self.line,self.calls,self.uses,self.per_user,)==(other.module,other.path,other.name,other.line,other.calls,other.uses,other.per_user,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.name,self.path,self.clients,self.funcs,self.imports,self.entries,)==(other.name,other.path,other.clients,other.funcs,other.imports,other.entries,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.name,self.path,self.clients,self.funcs,self.imports,self.entries,)==(other.name,other.path,other.clients,other.funcs,other.imports,other.entries,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.entry,self.path,self.line,self.client,self.client_path,self.client_line,self.steps,)==(other.platform,other.entry,other.path,other.line,other.client,other.client_path,other.client_line,other.steps,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.entry,self.path,self.line,self.client,self.client_path,self.client_line,self.steps,)==(other.platform,other.entry,other.path,other.line,other.client,other.client_path,other.client_line,other.steps,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.platform,self.entry,self.path,self.line,self.client,self.client_path,self.client_line,self.steps,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.platform,self.entry,self.path,self.line,self.client,self.client_path,self.client_line,self.steps,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(module={self.module!r}, path={self.path!r}, name={self.name!r}, line={self.line!r}, calls={self.calls!r}, uses={self.uses!r}, per_user={self.per_user!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(module={self.module!r}, path={self.path!r}, name={self.name!r}, line={self.line!r}, calls={self.calls!r}, uses={self.uses!r}, per_user={self.per_user!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(name={self.name!r}, path={self.path!r}, clients={self.clients!r}, funcs={self.funcs!r}, imports={self.imports!r}, entries={self.entries!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(name={self.name!r}, path={self.path!r}, clients={self.clients!r}, funcs={self.funcs!r}, imports={self.imports!r}, entries={self.entries!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(platform={self.platform!r}, entry={self.entry!r}, path={self.path!r}, line={self.line!r}, client={self.client!r}, client_path={self.client_path!r}, client_line={self.client_line!r}, steps={self.steps!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(platform={self.platform!r}, entry={self.entry!r}, path={self.path!r}, line={self.line!r}, client={self.client!r}, client_path={self.client_path!r}, client_line={self.client_line!r}, steps={self.steps!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_module, _type_path, _type_name, _type_line, _type_calls, _type_uses, _type_per_user, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_calls, _dflt_uses, _dflt_per_user, _return_type):
 def __init__(self,module:_type_module,path:_type_path,name:_type_name,line:_type_line,calls:_type_calls=_HAS_DEFAULT_FACTORY,uses:_type_uses=_HAS_DEFAULT_FACTORY,per_user:_type_per_user=_dflt_per_user)->_return_type:
  self.module=module
  self.path=path
  self.name=name
  self.line=line
  self.calls=_dflt_calls() if calls is _HAS_DEFAULT_FACTORY else calls
  self.uses=_dflt_uses() if uses is _HAS_DEFAULT_FACTORY else uses
  self.per_user=per_user
 return __init__
TABLE['def __create_fn__(_type_module, _type_path, _type_name, _type_line, _type_calls, _type_uses, _type_per_user, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_calls, _dflt_uses, _dflt_per_user, _return_type):\n def __init__(self,module:_type_module,path:_type_path,name:_type_name,line:_type_line,calls:_type_calls=_HAS_DEFAULT_FACTORY,uses:_type_uses=_HAS_DEFAULT_FACTORY,per_user:_type_per_user=_dflt_per_user)->_return_type:\n  self.module=module\n  self.path=path\n  self.name=name\n  self.line=line\n  self.calls=_dflt_calls() if calls is _HAS_DEFAULT_FACTORY else calls\n  self.uses=_dflt_uses() if uses is _HAS_DEFAULT_FACTORY else uses\n  self.per_user=per_user\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_name, _type_path, _type_clients, _type_funcs, _type_imports, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_clients, _dflt_funcs, _dflt_imports, _dflt_entries, _return_type):
 def __init__(self,name:_type_name,path:_type_path,clients:_type_clients=_HAS_DEFAULT_FACTORY,funcs:_type_funcs=_HAS_DEFAULT_FACTORY,imports:_type_imports=_HAS_DEFAULT_FACTORY,entries:_type_entries=_HAS_DEFAULT_FACTORY)->_return_type:
  self.name=name
  self.path=path
  self.clients=_dflt_clients() if clients is _HAS_DEFAULT_FACTORY else clients
  self.funcs=_dflt_funcs() if funcs is _HAS_DEFAULT_FACTORY else funcs
  self.imports=_dflt_imports() if imports is _HAS_DEFAULT_FACTORY else imports
  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries
 return __init__
TABLE['def __create_fn__(_type_name, _type_path, _type_clients, _type_funcs, _type_imports, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_clients, _dflt_funcs, _dflt_imports, _dflt_entries, _return_type):\n def __init__(self,name:_type_name,path:_type_path,clients:_type_clients=_HAS_DEFAULT_FACTORY,funcs:_type_funcs=_HAS_DEFAULT_FACTORY,imports:_type_imports=_HAS_DEFAULT_FACTORY,entries:_type_entries=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.name=name\n  self.path=path\n  self.clients=_dflt_clients() if clients is _HAS_DEFAULT_FACTORY else clients\n  self.funcs=_dflt_funcs() if funcs is _HAS_DEFAULT_FACTORY else funcs\n  self.imports=_dflt_imports() if imports is _HAS_DEFAULT_FACTORY else imports\n  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_entry, _type_path, _type_line, _type_client, _type_client_path, _type_client_line, _type_steps, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_steps, _return_type):
 def __init__(self,platform:_type_platform,entry:_type_entry,path:_type_path,line:_type_line,client:_type_client,client_path:_type_client_path,client_line:_type_client_line,steps:_type_steps=_dflt_steps)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'entry',entry)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'client',client)
  __dataclass_builtins_object__.__setattr__(self,'client_path',client_path)
  __dataclass_builtins_object__.__setattr__(self,'client_line',client_line)
  __dataclass_builtins_object__.__setattr__(self,'steps',steps)
 return __init__
TABLE["def __create_fn__(_type_platform, _type_entry, _type_path, _type_line, _type_client, _type_client_path, _type_client_line, _type_steps, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_steps, _return_type):\n def __init__(self,platform:_type_platform,entry:_type_entry,path:_type_path,line:_type_line,client:_type_client,client_path:_type_client_path,client_line:_type_client_line,steps:_type_steps=_dflt_steps)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'entry',entry)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'client',client)\n  __dataclass_builtins_object__.__setattr__(self,'client_path',client_path)\n  __dataclass_builtins_object__.__setattr__(self,'client_line',client_line)\n  __dataclass_builtins_object__.__setattr__(self,'steps',steps)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('platform','entry','path','line','client','client_path','client_line','steps',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'platform\',\'entry\',\'path\',\'line\',\'client\',\'client_path\',\'client_line\',\'steps\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('platform','entry','path','line','client','client_path','client_line','steps',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'platform\',\'entry\',\'path\',\'line\',\'client\',\'client_path\',\'client_line\',\'steps\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
