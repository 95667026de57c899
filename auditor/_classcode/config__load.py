"""`auditor.config.load`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__(_type_name, _type_paths, _type_kind, _type_multi_user, _type_environment, _type_description, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_kind, _dflt_multi_user, _dflt_environment, _dflt_description, _return_type):
 def __init__(self,name:_type_name,paths:_type_paths=_dflt_paths,kind:_type_kind=_dflt_kind,multi_user:_type_multi_user=_dflt_multi_user,environment:_type_environment=_dflt_environment,description:_type_description=_dflt_description)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'multi_user',multi_user)
  __dataclass_builtins_object__.__setattr__(self,'environment',environment)
  __dataclass_builtins_object__.__setattr__(self,'description',description)
 return __init__
TABLE["def __create_fn__(_type_name, _type_paths, _type_kind, _type_multi_user, _type_environment, _type_description, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_kind, _dflt_multi_user, _dflt_environment, _dflt_description, _return_type):\n def __init__(self,name:_type_name,paths:_type_paths=_dflt_paths,kind:_type_kind=_dflt_kind,multi_user:_type_multi_user=_dflt_multi_user,environment:_type_environment=_dflt_environment,description:_type_description=_dflt_description)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'multi_user',multi_user)\n  __dataclass_builtins_object__.__setattr__(self,'environment',environment)\n  __dataclass_builtins_object__.__setattr__(self,'description',description)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_path, _type_fingerprint_key, _type_agents, _type_baseline, _type_rules, _type_disabled, _type_suppressions, _type_max_file_size, _type_peer_allow_markers, _type_exclude, _type_collectors, _type_snapshots, _type_lines, _type_pasted_secrets, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_path, _dflt_fingerprint_key, _dflt_agents, _dflt_baseline, _dflt_rules, _dflt_disabled, _dflt_suppressions, _dflt_max_file_size, _dflt_peer_allow_markers, _dflt_exclude, _dflt_collectors, _dflt_snapshots, _dflt_lines, _dflt_pasted_secrets, _return_type):
 def __init__(self,path:_type_path=_dflt_path,fingerprint_key:_type_fingerprint_key=_dflt_fingerprint_key,agents:_type_agents=_dflt_agents,baseline:_type_baseline=_HAS_DEFAULT_FACTORY,rules:_type_rules=_HAS_DEFAULT_FACTORY,disabled:_type_disabled=_dflt_disabled,suppressions:_type_suppressions=_dflt_suppressions,max_file_size:_type_max_file_size=_dflt_max_file_size,peer_allow_markers:_type_peer_allow_markers=_dflt_peer_allow_markers,exclude:_type_exclude=_dflt_exclude,collectors:_type_collectors=_HAS_DEFAULT_FACTORY,snapshots:_type_snapshots=_dflt_snapshots,lines:_type_lines=_HAS_DEFAULT_FACTORY,pasted_secrets:_type_pasted_secrets=_dflt_pasted_secrets)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint_key',fingerprint_key)
  __dataclass_builtins_object__.__setattr__(self,'agents',agents)
  __dataclass_builtins_object__.__setattr__(self,'baseline',_dflt_baseline() if baseline is _HAS_DEFAULT_FACTORY else baseline)
  __dataclass_builtins_object__.__setattr__(self,'rules',_dflt_rules() if rules is _HAS_DEFAULT_FACTORY else rules)
  __dataclass_builtins_object__.__setattr__(self,'disabled',disabled)
  __dataclass_builtins_object__.__setattr__(self,'suppressions',suppressions)
  __dataclass_builtins_object__.__setattr__(self,'max_file_size',max_file_size)
  __dataclass_builtins_object__.__setattr__(self,'peer_allow_markers',peer_allow_markers)
  __dataclass_builtins_object__.__setattr__(self,'exclude',exclude)
  __dataclass_builtins_object__.__setattr__(self,'collectors',_dflt_collectors() if collectors is _HAS_DEFAULT_FACTORY else collectors)
  __dataclass_builtins_object__.__setattr__(self,'snapshots',snapshots)
  __dataclass_builtins_object__.__setattr__(self,'lines',_dflt_lines() if lines is _HAS_DEFAULT_FACTORY else lines)
  __dataclass_builtins_object__.__setattr__(self,'pasted_secrets',pasted_secrets)
 return __init__
TABLE["def __create_fn__(_type_path, _type_fingerprint_key, _type_agents, _type_baseline, _type_rules, _type_disabled, _type_suppressions, _type_max_file_size, _type_peer_allow_markers, _type_exclude, _type_collectors, _type_snapshots, _type_lines, _type_pasted_secrets, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_path, _dflt_fingerprint_key, _dflt_agents, _dflt_baseline, _dflt_rules, _dflt_disabled, _dflt_suppressions, _dflt_max_file_size, _dflt_peer_allow_markers, _dflt_exclude, _dflt_collectors, _dflt_snapshots, _dflt_lines, _dflt_pasted_secrets, _return_type):\n def __init__(self,path:_type_path=_dflt_path,fingerprint_key:_type_fingerprint_key=_dflt_fingerprint_key,agents:_type_agents=_dflt_agents,baseline:_type_baseline=_HAS_DEFAULT_FACTORY,rules:_type_rules=_HAS_DEFAULT_FACTORY,disabled:_type_disabled=_dflt_disabled,suppressions:_type_suppressions=_dflt_suppressions,max_file_size:_type_max_file_size=_dflt_max_file_size,peer_allow_markers:_type_peer_allow_markers=_dflt_peer_allow_markers,exclude:_type_exclude=_dflt_exclude,collectors:_type_collectors=_HAS_DEFAULT_FACTORY,snapshots:_type_snapshots=_dflt_snapshots,lines:_type_lines=_HAS_DEFAULT_FACTORY,pasted_secrets:_type_pasted_secrets=_dflt_pasted_secrets)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint_key',fingerprint_key)\n  __dataclass_builtins_object__.__setattr__(self,'agents',agents)\n  __dataclass_builtins_object__.__setattr__(self,'baseline',_dflt_baseline() if baseline is _HAS_DEFAULT_FACTORY else baseline)\n  __dataclass_builtins_object__.__setattr__(self,'rules',_dflt_rules() if rules is _HAS_DEFAULT_FACTORY else rules)\n  __dataclass_builtins_object__.__setattr__(self,'disabled',disabled)\n  __dataclass_builtins_object__.__setattr__(self,'suppressions',suppressions)\n  __dataclass_builtins_object__.__setattr__(self,'max_file_size',max_file_size)\n  __dataclass_builtins_object__.__setattr__(self,'peer_allow_markers',peer_allow_markers)\n  __dataclass_builtins_object__.__setattr__(self,'exclude',exclude)\n  __dataclass_builtins_object__.__setattr__(self,'collectors',_dflt_collectors() if collectors is _HAS_DEFAULT_FACTORY else collectors)\n  __dataclass_builtins_object__.__setattr__(self,'snapshots',snapshots)\n  __dataclass_builtins_object__.__setattr__(self,'lines',_dflt_lines() if lines is _HAS_DEFAULT_FACTORY else lines)\n  __dataclass_builtins_object__.__setattr__(self,'pasted_secrets',pasted_secrets)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_reason, _type_rule, _type_path, _type_fingerprint, _type_agent, _type_identity, _type_expires, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_rule, _dflt_path, _dflt_fingerprint, _dflt_agent, _dflt_identity, _dflt_expires, _dflt_line, _return_type):
 def __init__(self,reason:_type_reason,rule:_type_rule=_dflt_rule,path:_type_path=_dflt_path,fingerprint:_type_fingerprint=_dflt_fingerprint,agent:_type_agent=_dflt_agent,identity:_type_identity=_dflt_identity,expires:_type_expires=_dflt_expires,line:_type_line=_dflt_line)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'agent',agent)
  __dataclass_builtins_object__.__setattr__(self,'identity',identity)
  __dataclass_builtins_object__.__setattr__(self,'expires',expires)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
 return __init__
TABLE["def __create_fn__(_type_reason, _type_rule, _type_path, _type_fingerprint, _type_agent, _type_identity, _type_expires, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_rule, _dflt_path, _dflt_fingerprint, _dflt_agent, _dflt_identity, _dflt_expires, _dflt_line, _return_type):\n def __init__(self,reason:_type_reason,rule:_type_rule=_dflt_rule,path:_type_path=_dflt_path,fingerprint:_type_fingerprint=_dflt_fingerprint,agent:_type_agent=_dflt_agent,identity:_type_identity=_dflt_identity,expires:_type_expires=_dflt_expires,line:_type_line=_dflt_line)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'rule',rule)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'agent',agent)\n  __dataclass_builtins_object__.__setattr__(self,'identity',identity)\n  __dataclass_builtins_object__.__setattr__(self,'expires',expires)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_severity, _type_params, _type_enabled, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_severity, _dflt_params, _dflt_enabled, _dflt_line, _return_type):
 def __init__(self,severity:_type_severity=_dflt_severity,params:_type_params=_HAS_DEFAULT_FACTORY,enabled:_type_enabled=_dflt_enabled,line:_type_line=_dflt_line)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'params',_dflt_params() if params is _HAS_DEFAULT_FACTORY else params)
  __dataclass_builtins_object__.__setattr__(self,'enabled',enabled)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
 return __init__
TABLE["def __create_fn__(_type_severity, _type_params, _type_enabled, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_severity, _dflt_params, _dflt_enabled, _dflt_line, _return_type):\n def __init__(self,severity:_type_severity=_dflt_severity,params:_type_params=_HAS_DEFAULT_FACTORY,enabled:_type_enabled=_dflt_enabled,line:_type_line=_dflt_line)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'params',_dflt_params() if params is _HAS_DEFAULT_FACTORY else params)\n  __dataclass_builtins_object__.__setattr__(self,'enabled',enabled)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','paths','kind','multi_user','environment','description',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'paths\',\'kind\',\'multi_user\',\'environment\',\'description\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','fingerprint_key','agents','baseline','rules','disabled','suppressions','max_file_size','peer_allow_markers','exclude','collectors','snapshots','lines','pasted_secrets',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'fingerprint_key\',\'agents\',\'baseline\',\'rules\',\'disabled\',\'suppressions\',\'max_file_size\',\'peer_allow_markers\',\'exclude\',\'collectors\',\'snapshots\',\'lines\',\'pasted_secrets\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('reason','rule','path','fingerprint','agent','identity','expires','line',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'reason\',\'rule\',\'path\',\'fingerprint\',\'agent\',\'identity\',\'expires\',\'line\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('severity','params','enabled','line',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'severity\',\'params\',\'enabled\',\'line\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','paths','kind','multi_user','environment','description',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'paths\',\'kind\',\'multi_user\',\'environment\',\'description\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','fingerprint_key','agents','baseline','rules','disabled','suppressions','max_file_size','peer_allow_markers','exclude','collectors','snapshots','lines','pasted_secrets',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'fingerprint_key\',\'agents\',\'baseline\',\'rules\',\'disabled\',\'suppressions\',\'max_file_size\',\'peer_allow_markers\',\'exclude\',\'collectors\',\'snapshots\',\'lines\',\'pasted_secrets\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('reason','rule','path','fingerprint','agent','identity','expires','line',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'reason\',\'rule\',\'path\',\'fingerprint\',\'agent\',\'identity\',\'expires\',\'line\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('severity','params','enabled','line',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'severity\',\'params\',\'enabled\',\'line\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
