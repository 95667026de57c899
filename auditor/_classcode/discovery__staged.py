"""`auditor.discovery.staged`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.folder,self.repo_root,self.files,self.skipped,)==(other.folder,other.repo_root,other.files,other.skipped,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.folder,self.repo_root,self.files,self.skipped,)==(other.folder,other.repo_root,other.files,other.skipped,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.path,self.oid,self.mode,)==(other.path,other.oid,other.mode,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.path,self.oid,self.mode,)==(other.path,other.oid,other.mode,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.folder,self.repo_root,self.files,self.skipped,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.folder,self.repo_root,self.files,self.skipped,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.path,self.oid,self.mode,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.path,self.oid,self.mode,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(folder={self.folder!r}, repo_root={self.repo_root!r}, files={self.files!r}, skipped={self.skipped!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(folder={self.folder!r}, repo_root={self.repo_root!r}, files={self.files!r}, skipped={self.skipped!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(path={self.path!r}, oid={self.oid!r}, mode={self.mode!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(path={self.path!r}, oid={self.oid!r}, mode={self.mode!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_folder, _type_repo_root, _type_files, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,folder:_type_folder,repo_root:_type_repo_root,files:_type_files,skipped:_type_skipped)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'folder',folder)
  __dataclass_builtins_object__.__setattr__(self,'repo_root',repo_root)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
 return __init__
TABLE["def __create_fn__(_type_folder, _type_repo_root, _type_files, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,folder:_type_folder,repo_root:_type_repo_root,files:_type_files,skipped:_type_skipped)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'folder',folder)\n  __dataclass_builtins_object__.__setattr__(self,'repo_root',repo_root)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_path, _type_oid, _type_mode, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,oid:_type_oid,mode:_type_mode)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'oid',oid)
  __dataclass_builtins_object__.__setattr__(self,'mode',mode)
 return __init__
TABLE["def __create_fn__(_type_path, _type_oid, _type_mode, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,oid:_type_oid,mode:_type_mode)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'oid',oid)\n  __dataclass_builtins_object__.__setattr__(self,'mode',mode)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('folder','repo_root','files','skipped',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'folder\',\'repo_root\',\'files\',\'skipped\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','oid','mode',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'oid\',\'mode\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('folder','repo_root','files','skipped',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'folder\',\'repo_root\',\'files\',\'skipped\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','oid','mode',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'oid\',\'mode\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
