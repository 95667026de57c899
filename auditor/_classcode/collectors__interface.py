"""`auditor.collectors.interface`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__(_type_identifiers, _type_baseline, _type_settings, _type_timeout, _type_max_retries, _type_request_deadline, _type_platform_budget, _type_fingerprint_key, _type_found_tokens, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identifiers, _dflt_baseline, _dflt_settings, _dflt_timeout, _dflt_max_retries, _dflt_request_deadline, _dflt_platform_budget, _dflt_fingerprint_key, _dflt_found_tokens, _return_type):
 def __init__(self,identifiers:_type_identifiers=_dflt_identifiers,baseline:_type_baseline=_dflt_baseline,settings:_type_settings=_HAS_DEFAULT_FACTORY,timeout:_type_timeout=_dflt_timeout,max_retries:_type_max_retries=_dflt_max_retries,request_deadline:_type_request_deadline=_dflt_request_deadline,platform_budget:_type_platform_budget=_dflt_platform_budget,fingerprint_key:_type_fingerprint_key=_dflt_fingerprint_key,found_tokens:_type_found_tokens=_dflt_found_tokens)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'identifiers',identifiers)
  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)
  __dataclass_builtins_object__.__setattr__(self,'settings',_dflt_settings() if settings is _HAS_DEFAULT_FACTORY else settings)
  __dataclass_builtins_object__.__setattr__(self,'timeout',timeout)
  __dataclass_builtins_object__.__setattr__(self,'max_retries',max_retries)
  __dataclass_builtins_object__.__setattr__(self,'request_deadline',request_deadline)
  __dataclass_builtins_object__.__setattr__(self,'platform_budget',platform_budget)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint_key',fingerprint_key)
  __dataclass_builtins_object__.__setattr__(self,'found_tokens',found_tokens)
 return __init__
TABLE["def __create_fn__(_type_identifiers, _type_baseline, _type_settings, _type_timeout, _type_max_retries, _type_request_deadline, _type_platform_budget, _type_fingerprint_key, _type_found_tokens, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identifiers, _dflt_baseline, _dflt_settings, _dflt_timeout, _dflt_max_retries, _dflt_request_deadline, _dflt_platform_budget, _dflt_fingerprint_key, _dflt_found_tokens, _return_type):\n def __init__(self,identifiers:_type_identifiers=_dflt_identifiers,baseline:_type_baseline=_dflt_baseline,settings:_type_settings=_HAS_DEFAULT_FACTORY,timeout:_type_timeout=_dflt_timeout,max_retries:_type_max_retries=_dflt_max_retries,request_deadline:_type_request_deadline=_dflt_request_deadline,platform_budget:_type_platform_budget=_dflt_platform_budget,fingerprint_key:_type_fingerprint_key=_dflt_fingerprint_key,found_tokens:_type_found_tokens=_dflt_found_tokens)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'identifiers',identifiers)\n  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)\n  __dataclass_builtins_object__.__setattr__(self,'settings',_dflt_settings() if settings is _HAS_DEFAULT_FACTORY else settings)\n  __dataclass_builtins_object__.__setattr__(self,'timeout',timeout)\n  __dataclass_builtins_object__.__setattr__(self,'max_retries',max_retries)\n  __dataclass_builtins_object__.__setattr__(self,'request_deadline',request_deadline)\n  __dataclass_builtins_object__.__setattr__(self,'platform_budget',platform_budget)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint_key',fingerprint_key)\n  __dataclass_builtins_object__.__setattr__(self,'found_tokens',found_tokens)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_fingerprint, _type_where, _type_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,kind:_type_kind,fingerprint:_type_fingerprint,where:_type_where,value:_type_value)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'where',where)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
 return __init__
TABLE["def __create_fn__(_type_kind, _type_fingerprint, _type_where, _type_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,kind:_type_kind,fingerprint:_type_fingerprint,where:_type_where,value:_type_value)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'where',where)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('identifiers','baseline','settings','timeout','max_retries','request_deadline','platform_budget','fingerprint_key','found_tokens',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'identifiers\',\'baseline\',\'settings\',\'timeout\',\'max_retries\',\'request_deadline\',\'platform_budget\',\'fingerprint_key\',\'found_tokens\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('kind','fingerprint','where','value',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'kind\',\'fingerprint\',\'where\',\'value\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('identifiers','baseline','settings','timeout','max_retries','request_deadline','platform_budget','fingerprint_key','found_tokens',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'identifiers\',\'baseline\',\'settings\',\'timeout\',\'max_retries\',\'request_deadline\',\'platform_budget\',\'fingerprint_key\',\'found_tokens\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('kind','fingerprint','where','value',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'kind\',\'fingerprint\',\'where\',\'value\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
