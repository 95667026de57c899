"""`auditor.engine.interface`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__(_type_config, _type_clock, _type_agents, _type_files, _type_snapshots, _type_resolutions, _type_gaps, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_agents, _dflt_files, _dflt_snapshots, _dflt_resolutions, _dflt_gaps, _dflt_history, _return_type):
 def __init__(self,config:_type_config,clock:_type_clock,agents:_type_agents=_dflt_agents,files:_type_files=_dflt_files,snapshots:_type_snapshots=_HAS_DEFAULT_FACTORY,resolutions:_type_resolutions=_dflt_resolutions,gaps:_type_gaps=_dflt_gaps,history:_type_history=_dflt_history)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'config',config)
  __dataclass_builtins_object__.__setattr__(self,'clock',clock)
  __dataclass_builtins_object__.__setattr__(self,'agents',agents)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'snapshots',_dflt_snapshots() if snapshots is _HAS_DEFAULT_FACTORY else snapshots)
  __dataclass_builtins_object__.__setattr__(self,'resolutions',resolutions)
  __dataclass_builtins_object__.__setattr__(self,'gaps',gaps)
  __dataclass_builtins_object__.__setattr__(self,'history',history)
 return __init__
TABLE["def __create_fn__(_type_config, _type_clock, _type_agents, _type_files, _type_snapshots, _type_resolutions, _type_gaps, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_agents, _dflt_files, _dflt_snapshots, _dflt_resolutions, _dflt_gaps, _dflt_history, _return_type):\n def __init__(self,config:_type_config,clock:_type_clock,agents:_type_agents=_dflt_agents,files:_type_files=_dflt_files,snapshots:_type_snapshots=_HAS_DEFAULT_FACTORY,resolutions:_type_resolutions=_dflt_resolutions,gaps:_type_gaps=_dflt_gaps,history:_type_history=_dflt_history)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n  __dataclass_builtins_object__.__setattr__(self,'clock',clock)\n  __dataclass_builtins_object__.__setattr__(self,'agents',agents)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'snapshots',_dflt_snapshots() if snapshots is _HAS_DEFAULT_FACTORY else snapshots)\n  __dataclass_builtins_object__.__setattr__(self,'resolutions',resolutions)\n  __dataclass_builtins_object__.__setattr__(self,'gaps',gaps)\n  __dataclass_builtins_object__.__setattr__(self,'history',history)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_id, _type_name, _type_title, _type_severity, _type_category, _type_rationale, _type_remediation, _type_check, _type_references, _type_compliance, _type_params, _type_platform, _type_param_schema, _type_enabled, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_references, _dflt_compliance, _dflt_params, _dflt_platform, _dflt_param_schema, _dflt_enabled, _dflt_source, _return_type):
 def __init__(self,id:_type_id,name:_type_name,title:_type_title,severity:_type_severity,category:_type_category,rationale:_type_rationale,remediation:_type_remediation,check:_type_check,references:_type_references=_dflt_references,compliance:_type_compliance=_HAS_DEFAULT_FACTORY,params:_type_params=_HAS_DEFAULT_FACTORY,platform:_type_platform=_dflt_platform,param_schema:_type_param_schema=_HAS_DEFAULT_FACTORY,enabled:_type_enabled=_dflt_enabled,source:_type_source=_dflt_source)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'category',category)
  __dataclass_builtins_object__.__setattr__(self,'rationale',rationale)
  __dataclass_builtins_object__.__setattr__(self,'remediation',remediation)
  __dataclass_builtins_object__.__setattr__(self,'check',check)
  __dataclass_builtins_object__.__setattr__(self,'references',references)
  __dataclass_builtins_object__.__setattr__(self,'compliance',_dflt_compliance() if compliance is _HAS_DEFAULT_FACTORY else compliance)
  __dataclass_builtins_object__.__setattr__(self,'params',_dflt_params() if params is _HAS_DEFAULT_FACTORY else params)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'param_schema',_dflt_param_schema() if param_schema is _HAS_DEFAULT_FACTORY else param_schema)
  __dataclass_builtins_object__.__setattr__(self,'enabled',enabled)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__
TABLE["def __create_fn__(_type_id, _type_name, _type_title, _type_severity, _type_category, _type_rationale, _type_remediation, _type_check, _type_references, _type_compliance, _type_params, _type_platform, _type_param_schema, _type_enabled, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_references, _dflt_compliance, _dflt_params, _dflt_platform, _dflt_param_schema, _dflt_enabled, _dflt_source, _return_type):\n def __init__(self,id:_type_id,name:_type_name,title:_type_title,severity:_type_severity,category:_type_category,rationale:_type_rationale,remediation:_type_remediation,check:_type_check,references:_type_references=_dflt_references,compliance:_type_compliance=_HAS_DEFAULT_FACTORY,params:_type_params=_HAS_DEFAULT_FACTORY,platform:_type_platform=_dflt_platform,param_schema:_type_param_schema=_HAS_DEFAULT_FACTORY,enabled:_type_enabled=_dflt_enabled,source:_type_source=_dflt_source)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'title',title)\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'category',category)\n  __dataclass_builtins_object__.__setattr__(self,'rationale',rationale)\n  __dataclass_builtins_object__.__setattr__(self,'remediation',remediation)\n  __dataclass_builtins_object__.__setattr__(self,'check',check)\n  __dataclass_builtins_object__.__setattr__(self,'references',references)\n  __dataclass_builtins_object__.__setattr__(self,'compliance',_dflt_compliance() if compliance is _HAS_DEFAULT_FACTORY else compliance)\n  __dataclass_builtins_object__.__setattr__(self,'params',_dflt_params() if params is _HAS_DEFAULT_FACTORY else params)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'param_schema',_dflt_param_schema() if param_schema is _HAS_DEFAULT_FACTORY else param_schema)\n  __dataclass_builtins_object__.__setattr__(self,'enabled',enabled)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('config','clock','agents','files','snapshots','resolutions','gaps','history',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'config\',\'clock\',\'agents\',\'files\',\'snapshots\',\'resolutions\',\'gaps\',\'history\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('id','name','title','severity','category','rationale','remediation','check','references','compliance','params','platform','param_schema','enabled','source',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'id\',\'name\',\'title\',\'severity\',\'category\',\'rationale\',\'remediation\',\'check\',\'references\',\'compliance\',\'params\',\'platform\',\'param_schema\',\'enabled\',\'source\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('config','clock','agents','files','snapshots','resolutions','gaps','history',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'config\',\'clock\',\'agents\',\'files\',\'snapshots\',\'resolutions\',\'gaps\',\'history\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('id','name','title','severity','category','rationale','remediation','check','references','compliance','params','platform','param_schema','enabled','source',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'id\',\'name\',\'title\',\'severity\',\'category\',\'rationale\',\'remediation\',\'check\',\'references\',\'compliance\',\'params\',\'platform\',\'param_schema\',\'enabled\',\'source\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
