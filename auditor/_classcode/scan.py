"""`auditor.scan`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.items,)==(other.items,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.items,)==(other.items,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.paths,self.config_path,self.connect,self.snapshot_files,self.baseline_file,self.max_file_size,self.jobs,self.ca_bundle,self.use_config_snapshots,self.history,self.file_time_budget,self.respect_gitignore,self.introspect_found,self.fingerprints_shown,self.collector_factory,)==(other.paths,other.config_path,other.connect,other.snapshot_files,other.baseline_file,other.max_file_size,other.jobs,other.ca_bundle,other.use_config_snapshots,other.history,other.file_time_budget,other.respect_gitignore,other.introspect_found,other.fingerprints_shown,other.collector_factory,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.paths,self.config_path,self.connect,self.snapshot_files,self.baseline_file,self.max_file_size,self.jobs,self.ca_bundle,self.use_config_snapshots,self.history,self.file_time_budget,self.respect_gitignore,self.introspect_found,self.fingerprints_shown,self.collector_factory,)==(other.paths,other.config_path,other.connect,other.snapshot_files,other.baseline_file,other.max_file_size,other.jobs,other.ca_bundle,other.use_config_snapshots,other.history,other.file_time_budget,other.respect_gitignore,other.introspect_found,other.fingerprints_shown,other.collector_factory,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.paths,self.config_path,self.connect,self.snapshot_files,self.baseline_file,self.max_file_size,self.jobs,self.ca_bundle,self.use_config_snapshots,self.history,self.file_time_budget,self.respect_gitignore,self.introspect_found,self.fingerprints_shown,self.collector_factory,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.paths,self.config_path,self.connect,self.snapshot_files,self.baseline_file,self.max_file_size,self.jobs,self.ca_bundle,self.use_config_snapshots,self.history,self.file_time_budget,self.respect_gitignore,self.introspect_found,self.fingerprints_shown,self.collector_factory,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(items={self.items!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(items={self.items!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(paths={self.paths!r}, config_path={self.config_path!r}, connect={self.connect!r}, snapshot_files={self.snapshot_files!r}, baseline_file={self.baseline_file!r}, max_file_size={self.max_file_size!r}, jobs={self.jobs!r}, ca_bundle={self.ca_bundle!r}, use_config_snapshots={self.use_config_snapshots!r}, history={self.history!r}, file_time_budget={self.file_time_budget!r}, respect_gitignore={self.respect_gitignore!r}, introspect_found={self.introspect_found!r}, fingerprints_shown={self.fingerprints_shown!r}, collector_factory={self.collector_factory!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(paths={self.paths!r}, config_path={self.config_path!r}, connect={self.connect!r}, snapshot_files={self.snapshot_files!r}, baseline_file={self.baseline_file!r}, max_file_size={self.max_file_size!r}, jobs={self.jobs!r}, ca_bundle={self.ca_bundle!r}, use_config_snapshots={self.use_config_snapshots!r}, history={self.history!r}, file_time_budget={self.file_time_budget!r}, respect_gitignore={self.respect_gitignore!r}, introspect_found={self.introspect_found!r}, fingerprints_shown={self.fingerprints_shown!r}, collector_factory={self.collector_factory!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_items, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_items, _return_type):
 def __init__(self,items:_type_items=_HAS_DEFAULT_FACTORY)->_return_type:
  self.items=_dflt_items() if items is _HAS_DEFAULT_FACTORY else items
 return __init__
TABLE['def __create_fn__(_type_items, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_items, _return_type):\n def __init__(self,items:_type_items=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.items=_dflt_items() if items is _HAS_DEFAULT_FACTORY else items\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_paths, _type_config_path, _type_connect, _type_snapshot_files, _type_baseline_file, _type_max_file_size, _type_jobs, _type_ca_bundle, _type_use_config_snapshots, _type_history, _type_file_time_budget, _type_respect_gitignore, _type_introspect_found, _type_fingerprints_shown, _type_collector_factory, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_config_path, _dflt_connect, _dflt_snapshot_files, _dflt_baseline_file, _dflt_max_file_size, _dflt_jobs, _dflt_ca_bundle, _dflt_use_config_snapshots, _dflt_history, _dflt_file_time_budget, _dflt_respect_gitignore, _dflt_introspect_found, _dflt_fingerprints_shown, _dflt_collector_factory, _return_type):
 def __init__(self,paths:_type_paths=_dflt_paths,config_path:_type_config_path=_dflt_config_path,connect:_type_connect=_dflt_connect,snapshot_files:_type_snapshot_files=_dflt_snapshot_files,baseline_file:_type_baseline_file=_dflt_baseline_file,max_file_size:_type_max_file_size=_dflt_max_file_size,jobs:_type_jobs=_dflt_jobs,ca_bundle:_type_ca_bundle=_dflt_ca_bundle,use_config_snapshots:_type_use_config_snapshots=_dflt_use_config_snapshots,history:_type_history=_dflt_history,file_time_budget:_type_file_time_budget=_dflt_file_time_budget,respect_gitignore:_type_respect_gitignore=_dflt_respect_gitignore,introspect_found:_type_introspect_found=_dflt_introspect_found,fingerprints_shown:_type_fingerprints_shown=_dflt_fingerprints_shown,collector_factory:_type_collector_factory=_dflt_collector_factory)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'config_path',config_path)
  __dataclass_builtins_object__.__setattr__(self,'connect',connect)
  __dataclass_builtins_object__.__setattr__(self,'snapshot_files',snapshot_files)
  __dataclass_builtins_object__.__setattr__(self,'baseline_file',baseline_file)
  __dataclass_builtins_object__.__setattr__(self,'max_file_size',max_file_size)
  __dataclass_builtins_object__.__setattr__(self,'jobs',jobs)
  __dataclass_builtins_object__.__setattr__(self,'ca_bundle',ca_bundle)
  __dataclass_builtins_object__.__setattr__(self,'use_config_snapshots',use_config_snapshots)
  __dataclass_builtins_object__.__setattr__(self,'history',history)
  __dataclass_builtins_object__.__setattr__(self,'file_time_budget',file_time_budget)
  __dataclass_builtins_object__.__setattr__(self,'respect_gitignore',respect_gitignore)
  __dataclass_builtins_object__.__setattr__(self,'introspect_found',introspect_found)
  __dataclass_builtins_object__.__setattr__(self,'fingerprints_shown',fingerprints_shown)
  __dataclass_builtins_object__.__setattr__(self,'collector_factory',collector_factory)
 return __init__
TABLE["def __create_fn__(_type_paths, _type_config_path, _type_connect, _type_snapshot_files, _type_baseline_file, _type_max_file_size, _type_jobs, _type_ca_bundle, _type_use_config_snapshots, _type_history, _type_file_time_budget, _type_respect_gitignore, _type_introspect_found, _type_fingerprints_shown, _type_collector_factory, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_config_path, _dflt_connect, _dflt_snapshot_files, _dflt_baseline_file, _dflt_max_file_size, _dflt_jobs, _dflt_ca_bundle, _dflt_use_config_snapshots, _dflt_history, _dflt_file_time_budget, _dflt_respect_gitignore, _dflt_introspect_found, _dflt_fingerprints_shown, _dflt_collector_factory, _return_type):\n def __init__(self,paths:_type_paths=_dflt_paths,config_path:_type_config_path=_dflt_config_path,connect:_type_connect=_dflt_connect,snapshot_files:_type_snapshot_files=_dflt_snapshot_files,baseline_file:_type_baseline_file=_dflt_baseline_file,max_file_size:_type_max_file_size=_dflt_max_file_size,jobs:_type_jobs=_dflt_jobs,ca_bundle:_type_ca_bundle=_dflt_ca_bundle,use_config_snapshots:_type_use_config_snapshots=_dflt_use_config_snapshots,history:_type_history=_dflt_history,file_time_budget:_type_file_time_budget=_dflt_file_time_budget,respect_gitignore:_type_respect_gitignore=_dflt_respect_gitignore,introspect_found:_type_introspect_found=_dflt_introspect_found,fingerprints_shown:_type_fingerprints_shown=_dflt_fingerprints_shown,collector_factory:_type_collector_factory=_dflt_collector_factory)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'config_path',config_path)\n  __dataclass_builtins_object__.__setattr__(self,'connect',connect)\n  __dataclass_builtins_object__.__setattr__(self,'snapshot_files',snapshot_files)\n  __dataclass_builtins_object__.__setattr__(self,'baseline_file',baseline_file)\n  __dataclass_builtins_object__.__setattr__(self,'max_file_size',max_file_size)\n  __dataclass_builtins_object__.__setattr__(self,'jobs',jobs)\n  __dataclass_builtins_object__.__setattr__(self,'ca_bundle',ca_bundle)\n  __dataclass_builtins_object__.__setattr__(self,'use_config_snapshots',use_config_snapshots)\n  __dataclass_builtins_object__.__setattr__(self,'history',history)\n  __dataclass_builtins_object__.__setattr__(self,'file_time_budget',file_time_budget)\n  __dataclass_builtins_object__.__setattr__(self,'respect_gitignore',respect_gitignore)\n  __dataclass_builtins_object__.__setattr__(self,'introspect_found',introspect_found)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprints_shown',fingerprints_shown)\n  __dataclass_builtins_object__.__setattr__(self,'collector_factory',collector_factory)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('paths','config_path','connect','snapshot_files','baseline_file','max_file_size','jobs','ca_bundle','use_config_snapshots','history','file_time_budget','respect_gitignore','introspect_found','fingerprints_shown','collector_factory',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'paths\',\'config_path\',\'connect\',\'snapshot_files\',\'baseline_file\',\'max_file_size\',\'jobs\',\'ca_bundle\',\'use_config_snapshots\',\'history\',\'file_time_budget\',\'respect_gitignore\',\'introspect_found\',\'fingerprints_shown\',\'collector_factory\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('paths','config_path','connect','snapshot_files','baseline_file','max_file_size','jobs','ca_bundle','use_config_snapshots','history','file_time_budget','respect_gitignore','introspect_found','fingerprints_shown','collector_factory',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'paths\',\'config_path\',\'connect\',\'snapshot_files\',\'baseline_file\',\'max_file_size\',\'jobs\',\'ca_bundle\',\'use_config_snapshots\',\'history\',\'file_time_budget\',\'respect_gitignore\',\'introspect_found\',\'fingerprints_shown\',\'collector_factory\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
