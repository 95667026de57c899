"""`auditor.diff`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.old,self.new,self.added,self.fixed,self.unchanged,self.not_reexamined,self.warnings,)==(other.old,other.new,other.added,other.fixed,other.unchanged,other.not_reexamined,other.warnings,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.old,self.new,self.added,self.fixed,self.unchanged,self.not_reexamined,self.warnings,)==(other.old,other.new,other.added,other.fixed,other.unchanged,other.not_reexamined,other.warnings,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.path,self.kind,self.tool_version,self.finished,self.targets,self.complete,self.platforms_collected,self.platforms_partial,self.skipped_sources,self.not_evaluated_rules,self.items,)==(other.path,other.kind,other.tool_version,other.finished,other.targets,other.complete,other.platforms_collected,other.platforms_partial,other.skipped_sources,other.not_evaluated_rules,other.items,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.path,self.kind,self.tool_version,self.finished,self.targets,self.complete,self.platforms_collected,self.platforms_partial,self.skipped_sources,self.not_evaluated_rules,self.items,)==(other.path,other.kind,other.tool_version,other.finished,other.targets,other.complete,other.platforms_collected,other.platforms_partial,other.skipped_sources,other.not_evaluated_rules,other.items,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.rule_id,self.fingerprint,self.severity,self.title,self.path,self.line,self.identity,self.platform,self.agent,self.suppressed,self.baselined,self.count,self.previous_severity,)==(other.rule_id,other.fingerprint,other.severity,other.title,other.path,other.line,other.identity,other.platform,other.agent,other.suppressed,other.baselined,other.count,other.previous_severity,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.rule_id,self.fingerprint,self.severity,self.title,self.path,self.line,self.identity,self.platform,self.agent,self.suppressed,self.baselined,self.count,self.previous_severity,)==(other.rule_id,other.fingerprint,other.severity,other.title,other.path,other.line,other.identity,other.platform,other.agent,other.suppressed,other.baselined,other.count,other.previous_severity,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.old,self.new,self.added,self.fixed,self.unchanged,self.not_reexamined,self.warnings,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.old,self.new,self.added,self.fixed,self.unchanged,self.not_reexamined,self.warnings,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.path,self.kind,self.tool_version,self.finished,self.targets,self.complete,self.platforms_collected,self.platforms_partial,self.skipped_sources,self.not_evaluated_rules,self.items,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.path,self.kind,self.tool_version,self.finished,self.targets,self.complete,self.platforms_collected,self.platforms_partial,self.skipped_sources,self.not_evaluated_rules,self.items,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.rule_id,self.fingerprint,self.severity,self.title,self.path,self.line,self.identity,self.platform,self.agent,self.suppressed,self.baselined,self.count,self.previous_severity,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.rule_id,self.fingerprint,self.severity,self.title,self.path,self.line,self.identity,self.platform,self.agent,self.suppressed,self.baselined,self.count,self.previous_severity,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(old={self.old!r}, new={self.new!r}, added={self.added!r}, fixed={self.fixed!r}, unchanged={self.unchanged!r}, not_reexamined={self.not_reexamined!r}, warnings={self.warnings!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(old={self.old!r}, new={self.new!r}, added={self.added!r}, fixed={self.fixed!r}, unchanged={self.unchanged!r}, not_reexamined={self.not_reexamined!r}, warnings={self.warnings!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(path={self.path!r}, kind={self.kind!r}, tool_version={self.tool_version!r}, finished={self.finished!r}, targets={self.targets!r}, complete={self.complete!r}, platforms_collected={self.platforms_collected!r}, platforms_partial={self.platforms_partial!r}, skipped_sources={self.skipped_sources!r}, not_evaluated_rules={self.not_evaluated_rules!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(path={self.path!r}, kind={self.kind!r}, tool_version={self.tool_version!r}, finished={self.finished!r}, targets={self.targets!r}, complete={self.complete!r}, platforms_collected={self.platforms_collected!r}, platforms_partial={self.platforms_partial!r}, skipped_sources={self.skipped_sources!r}, not_evaluated_rules={self.not_evaluated_rules!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(rule_id={self.rule_id!r}, fingerprint={self.fingerprint!r}, severity={self.severity!r}, title={self.title!r}, path={self.path!r}, line={self.line!r}, identity={self.identity!r}, platform={self.platform!r}, agent={self.agent!r}, suppressed={self.suppressed!r}, baselined={self.baselined!r}, count={self.count!r}, previous_severity={self.previous_severity!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(rule_id={self.rule_id!r}, fingerprint={self.fingerprint!r}, severity={self.severity!r}, title={self.title!r}, path={self.path!r}, line={self.line!r}, identity={self.identity!r}, platform={self.platform!r}, agent={self.agent!r}, suppressed={self.suppressed!r}, baselined={self.baselined!r}, count={self.count!r}, previous_severity={self.previous_severity!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_old, _type_new, _type_added, _type_fixed, _type_unchanged, _type_not_reexamined, _type_warnings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_warnings, _return_type):
 def __init__(self,old:_type_old,new:_type_new,added:_type_added,fixed:_type_fixed,unchanged:_type_unchanged,not_reexamined:_type_not_reexamined,warnings:_type_warnings=_dflt_warnings)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'old',old)
  __dataclass_builtins_object__.__setattr__(self,'new',new)
  __dataclass_builtins_object__.__setattr__(self,'added',added)
  __dataclass_builtins_object__.__setattr__(self,'fixed',fixed)
  __dataclass_builtins_object__.__setattr__(self,'unchanged',unchanged)
  __dataclass_builtins_object__.__setattr__(self,'not_reexamined',not_reexamined)
  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)
 return __init__
TABLE["def __create_fn__(_type_old, _type_new, _type_added, _type_fixed, _type_unchanged, _type_not_reexamined, _type_warnings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_warnings, _return_type):\n def __init__(self,old:_type_old,new:_type_new,added:_type_added,fixed:_type_fixed,unchanged:_type_unchanged,not_reexamined:_type_not_reexamined,warnings:_type_warnings=_dflt_warnings)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'old',old)\n  __dataclass_builtins_object__.__setattr__(self,'new',new)\n  __dataclass_builtins_object__.__setattr__(self,'added',added)\n  __dataclass_builtins_object__.__setattr__(self,'fixed',fixed)\n  __dataclass_builtins_object__.__setattr__(self,'unchanged',unchanged)\n  __dataclass_builtins_object__.__setattr__(self,'not_reexamined',not_reexamined)\n  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_path, _type_kind, _type_tool_version, _type_finished, _type_targets, _type_complete, _type_platforms_collected, _type_platforms_partial, _type_skipped_sources, _type_not_evaluated_rules, _type_items, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_tool_version, _dflt_finished, _dflt_targets, _dflt_complete, _dflt_platforms_collected, _dflt_platforms_partial, _dflt_skipped_sources, _dflt_not_evaluated_rules, _dflt_items, _return_type):
 def __init__(self,path:_type_path,kind:_type_kind,tool_version:_type_tool_version=_dflt_tool_version,finished:_type_finished=_dflt_finished,targets:_type_targets=_dflt_targets,complete:_type_complete=_dflt_complete,platforms_collected:_type_platforms_collected=_dflt_platforms_collected,platforms_partial:_type_platforms_partial=_dflt_platforms_partial,skipped_sources:_type_skipped_sources=_dflt_skipped_sources,not_evaluated_rules:_type_not_evaluated_rules=_dflt_not_evaluated_rules,items:_type_items=_dflt_items)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'tool_version',tool_version)
  __dataclass_builtins_object__.__setattr__(self,'finished',finished)
  __dataclass_builtins_object__.__setattr__(self,'targets',targets)
  __dataclass_builtins_object__.__setattr__(self,'complete',complete)
  __dataclass_builtins_object__.__setattr__(self,'platforms_collected',platforms_collected)
  __dataclass_builtins_object__.__setattr__(self,'platforms_partial',platforms_partial)
  __dataclass_builtins_object__.__setattr__(self,'skipped_sources',skipped_sources)
  __dataclass_builtins_object__.__setattr__(self,'not_evaluated_rules',not_evaluated_rules)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
 return __init__
TABLE["def __create_fn__(_type_path, _type_kind, _type_tool_version, _type_finished, _type_targets, _type_complete, _type_platforms_collected, _type_platforms_partial, _type_skipped_sources, _type_not_evaluated_rules, _type_items, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_tool_version, _dflt_finished, _dflt_targets, _dflt_complete, _dflt_platforms_collected, _dflt_platforms_partial, _dflt_skipped_sources, _dflt_not_evaluated_rules, _dflt_items, _return_type):\n def __init__(self,path:_type_path,kind:_type_kind,tool_version:_type_tool_version=_dflt_tool_version,finished:_type_finished=_dflt_finished,targets:_type_targets=_dflt_targets,complete:_type_complete=_dflt_complete,platforms_collected:_type_platforms_collected=_dflt_platforms_collected,platforms_partial:_type_platforms_partial=_dflt_platforms_partial,skipped_sources:_type_skipped_sources=_dflt_skipped_sources,not_evaluated_rules:_type_not_evaluated_rules=_dflt_not_evaluated_rules,items:_type_items=_dflt_items)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'tool_version',tool_version)\n  __dataclass_builtins_object__.__setattr__(self,'finished',finished)\n  __dataclass_builtins_object__.__setattr__(self,'targets',targets)\n  __dataclass_builtins_object__.__setattr__(self,'complete',complete)\n  __dataclass_builtins_object__.__setattr__(self,'platforms_collected',platforms_collected)\n  __dataclass_builtins_object__.__setattr__(self,'platforms_partial',platforms_partial)\n  __dataclass_builtins_object__.__setattr__(self,'skipped_sources',skipped_sources)\n  __dataclass_builtins_object__.__setattr__(self,'not_evaluated_rules',not_evaluated_rules)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_rule_id, _type_fingerprint, _type_severity, _type_title, _type_path, _type_line, _type_identity, _type_platform, _type_agent, _type_suppressed, _type_baselined, _type_count, _type_previous_severity, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _dflt_path, _dflt_line, _dflt_identity, _dflt_platform, _dflt_agent, _dflt_suppressed, _dflt_baselined, _dflt_count, _dflt_previous_severity, _return_type):
 def __init__(self,rule_id:_type_rule_id,fingerprint:_type_fingerprint,severity:_type_severity,title:_type_title=_dflt_title,path:_type_path=_dflt_path,line:_type_line=_dflt_line,identity:_type_identity=_dflt_identity,platform:_type_platform=_dflt_platform,agent:_type_agent=_dflt_agent,suppressed:_type_suppressed=_dflt_suppressed,baselined:_type_baselined=_dflt_baselined,count:_type_count=_dflt_count,previous_severity:_type_previous_severity=_dflt_previous_severity)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'identity',identity)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'agent',agent)
  __dataclass_builtins_object__.__setattr__(self,'suppressed',suppressed)
  __dataclass_builtins_object__.__setattr__(self,'baselined',baselined)
  __dataclass_builtins_object__.__setattr__(self,'count',count)
  __dataclass_builtins_object__.__setattr__(self,'previous_severity',previous_severity)
 return __init__
TABLE["def __create_fn__(_type_rule_id, _type_fingerprint, _type_severity, _type_title, _type_path, _type_line, _type_identity, _type_platform, _type_agent, _type_suppressed, _type_baselined, _type_count, _type_previous_severity, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _dflt_path, _dflt_line, _dflt_identity, _dflt_platform, _dflt_agent, _dflt_suppressed, _dflt_baselined, _dflt_count, _dflt_previous_severity, _return_type):\n def __init__(self,rule_id:_type_rule_id,fingerprint:_type_fingerprint,severity:_type_severity,title:_type_title=_dflt_title,path:_type_path=_dflt_path,line:_type_line=_dflt_line,identity:_type_identity=_dflt_identity,platform:_type_platform=_dflt_platform,agent:_type_agent=_dflt_agent,suppressed:_type_suppressed=_dflt_suppressed,baselined:_type_baselined=_dflt_baselined,count:_type_count=_dflt_count,previous_severity:_type_previous_severity=_dflt_previous_severity)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'title',title)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'identity',identity)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'agent',agent)\n  __dataclass_builtins_object__.__setattr__(self,'suppressed',suppressed)\n  __dataclass_builtins_object__.__setattr__(self,'baselined',baselined)\n  __dataclass_builtins_object__.__setattr__(self,'count',count)\n  __dataclass_builtins_object__.__setattr__(self,'previous_severity',previous_severity)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('old','new','added','fixed','unchanged','not_reexamined','warnings',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'old\',\'new\',\'added\',\'fixed\',\'unchanged\',\'not_reexamined\',\'warnings\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','kind','tool_version','finished','targets','complete','platforms_collected','platforms_partial','skipped_sources','not_evaluated_rules','items',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'kind\',\'tool_version\',\'finished\',\'targets\',\'complete\',\'platforms_collected\',\'platforms_partial\',\'skipped_sources\',\'not_evaluated_rules\',\'items\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('rule_id','fingerprint','severity','title','path','line','identity','platform','agent','suppressed','baselined','count','previous_severity',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'rule_id\',\'fingerprint\',\'severity\',\'title\',\'path\',\'line\',\'identity\',\'platform\',\'agent\',\'suppressed\',\'baselined\',\'count\',\'previous_severity\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('old','new','added','fixed','unchanged','not_reexamined','warnings',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'old\',\'new\',\'added\',\'fixed\',\'unchanged\',\'not_reexamined\',\'warnings\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','kind','tool_version','finished','targets','complete','platforms_collected','platforms_partial','skipped_sources','not_evaluated_rules','items',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'kind\',\'tool_version\',\'finished\',\'targets\',\'complete\',\'platforms_collected\',\'platforms_partial\',\'skipped_sources\',\'not_evaluated_rules\',\'items\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('rule_id','fingerprint','severity','title','path','line','identity','platform','agent','suppressed','baselined','count','previous_severity',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'rule_id\',\'fingerprint\',\'severity\',\'title\',\'path\',\'line\',\'identity\',\'platform\',\'agent\',\'suppressed\',\'baselined\',\'count\',\'previous_severity\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
