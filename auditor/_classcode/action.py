"""`auditor.action`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.folder,)==(other.folder,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.folder,)==(other.folder,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.paths,self.fail_on,self.baseline,self.config,self.args,self.step_summary,self.output_dir,self.fingerprint_key,self.diff_base,)==(other.paths,other.fail_on,other.baseline,other.config,other.args,other.step_summary,other.output_dir,other.fingerprint_key,other.diff_base,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.paths,self.fail_on,self.baseline,self.config,self.args,self.step_summary,self.output_dir,self.fingerprint_key,self.diff_base,)==(other.paths,other.fail_on,other.baseline,other.config,other.args,other.step_summary,other.output_dir,other.fingerprint_key,other.diff_base,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.folder,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.folder,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.paths,self.fail_on,self.baseline,self.config,self.args,self.step_summary,self.output_dir,self.fingerprint_key,self.diff_base,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.paths,self.fail_on,self.baseline,self.config,self.args,self.step_summary,self.output_dir,self.fingerprint_key,self.diff_base,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(folder={self.folder!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(folder={self.folder!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(paths={self.paths!r}, fail_on={self.fail_on!r}, baseline={self.baseline!r}, config={self.config!r}, args={self.args!r}, step_summary={self.step_summary!r}, output_dir={self.output_dir!r}, fingerprint_key={self.fingerprint_key!r}, diff_base={self.diff_base!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(paths={self.paths!r}, fail_on={self.fail_on!r}, baseline={self.baseline!r}, config={self.config!r}, args={self.args!r}, step_summary={self.step_summary!r}, output_dir={self.output_dir!r}, fingerprint_key={self.fingerprint_key!r}, diff_base={self.diff_base!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_folder, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,folder:_type_folder)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'folder',folder)
 return __init__
TABLE["def __create_fn__(_type_folder, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,folder:_type_folder)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'folder',folder)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_paths, _type_fail_on, _type_baseline, _type_config, _type_args, _type_step_summary, _type_output_dir, _type_fingerprint_key, _type_diff_base, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_fail_on, _dflt_baseline, _dflt_config, _dflt_args, _dflt_step_summary, _dflt_output_dir, _dflt_fingerprint_key, _dflt_diff_base, _return_type):
 def __init__(self,paths:_type_paths=_dflt_paths,fail_on:_type_fail_on=_dflt_fail_on,baseline:_type_baseline=_dflt_baseline,config:_type_config=_dflt_config,args:_type_args=_dflt_args,step_summary:_type_step_summary=_dflt_step_summary,output_dir:_type_output_dir=_dflt_output_dir,fingerprint_key:_type_fingerprint_key=_dflt_fingerprint_key,diff_base:_type_diff_base=_dflt_diff_base)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'fail_on',fail_on)
  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
  __dataclass_builtins_object__.__setattr__(self,'args',args)
  __dataclass_builtins_object__.__setattr__(self,'step_summary',step_summary)
  __dataclass_builtins_object__.__setattr__(self,'output_dir',output_dir)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint_key',fingerprint_key)
  __dataclass_builtins_object__.__setattr__(self,'diff_base',diff_base)
 return __init__
TABLE["def __create_fn__(_type_paths, _type_fail_on, _type_baseline, _type_config, _type_args, _type_step_summary, _type_output_dir, _type_fingerprint_key, _type_diff_base, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_fail_on, _dflt_baseline, _dflt_config, _dflt_args, _dflt_step_summary, _dflt_output_dir, _dflt_fingerprint_key, _dflt_diff_base, _return_type):\n def __init__(self,paths:_type_paths=_dflt_paths,fail_on:_type_fail_on=_dflt_fail_on,baseline:_type_baseline=_dflt_baseline,config:_type_config=_dflt_config,args:_type_args=_dflt_args,step_summary:_type_step_summary=_dflt_step_summary,output_dir:_type_output_dir=_dflt_output_dir,fingerprint_key:_type_fingerprint_key=_dflt_fingerprint_key,diff_base:_type_diff_base=_dflt_diff_base)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'fail_on',fail_on)\n  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n  __dataclass_builtins_object__.__setattr__(self,'args',args)\n  __dataclass_builtins_object__.__setattr__(self,'step_summary',step_summary)\n  __dataclass_builtins_object__.__setattr__(self,'output_dir',output_dir)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint_key',fingerprint_key)\n  __dataclass_builtins_object__.__setattr__(self,'diff_base',diff_base)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('folder',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'folder\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('paths','fail_on','baseline','config','args','step_summary','output_dir','fingerprint_key','diff_base',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'paths\',\'fail_on\',\'baseline\',\'config\',\'args\',\'step_summary\',\'output_dir\',\'fingerprint_key\',\'diff_base\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('folder',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'folder\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('paths','fail_on','baseline','config','args','step_summary','output_dir','fingerprint_key','diff_base',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'paths\',\'fail_on\',\'baseline\',\'config\',\'args\',\'step_summary\',\'output_dir\',\'fingerprint_key\',\'diff_base\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
