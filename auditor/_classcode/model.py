"""`auditor.model`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.resource,self.action,self.level,)==(other.platform,other.resource,other.action,other.level,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.resource,self.action,self.level,)==(other.platform,other.resource,other.action,other.level,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __ge__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.resource,self.action,self.level,)>=(other.platform,other.resource,other.action,other.level,)
  return NotImplemented
 return __ge__
TABLE['def __create_fn__():\n def __ge__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.resource,self.action,self.level,)>=(other.platform,other.resource,other.action,other.level,)\n  return NotImplemented\n return __ge__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __gt__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.resource,self.action,self.level,)>(other.platform,other.resource,other.action,other.level,)
  return NotImplemented
 return __gt__
TABLE['def __create_fn__():\n def __gt__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.resource,self.action,self.level,)>(other.platform,other.resource,other.action,other.level,)\n  return NotImplemented\n return __gt__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.platform,self.resource,self.action,self.level,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.platform,self.resource,self.action,self.level,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __le__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.resource,self.action,self.level,)<=(other.platform,other.resource,other.action,other.level,)
  return NotImplemented
 return __le__
TABLE['def __create_fn__():\n def __le__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.resource,self.action,self.level,)<=(other.platform,other.resource,other.action,other.level,)\n  return NotImplemented\n return __le__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __lt__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.resource,self.action,self.level,)<(other.platform,other.resource,other.action,other.level,)
  return NotImplemented
 return __lt__
TABLE['def __create_fn__():\n def __lt__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.resource,self.action,self.level,)<(other.platform,other.resource,other.action,other.level,)\n  return NotImplemented\n return __lt__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(platform={self.platform!r}, resource={self.resource!r}, action={self.action!r}, level={self.level!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(platform={self.platform!r}, resource={self.resource!r}, action={self.action!r}, level={self.level!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_agent, _type_platform, _type_identity, _type_baseline, _type_extra, _type_summary, _type_escalation, _type_partial, _type_unknown, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_summary, _dflt_escalation, _dflt_partial, _dflt_unknown, _return_type):
 def __init__(self,agent:_type_agent,platform:_type_platform,identity:_type_identity,baseline:_type_baseline,extra:_type_extra,summary:_type_summary=_HAS_DEFAULT_FACTORY,escalation:_type_escalation=_dflt_escalation,partial:_type_partial=_dflt_partial,unknown:_type_unknown=_dflt_unknown)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'agent',agent)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'identity',identity)
  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)
  __dataclass_builtins_object__.__setattr__(self,'extra',extra)
  __dataclass_builtins_object__.__setattr__(self,'summary',_dflt_summary() if summary is _HAS_DEFAULT_FACTORY else summary)
  __dataclass_builtins_object__.__setattr__(self,'escalation',escalation)
  __dataclass_builtins_object__.__setattr__(self,'partial',partial)
  __dataclass_builtins_object__.__setattr__(self,'unknown',unknown)
 return __init__
TABLE["def __create_fn__(_type_agent, _type_platform, _type_identity, _type_baseline, _type_extra, _type_summary, _type_escalation, _type_partial, _type_unknown, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_summary, _dflt_escalation, _dflt_partial, _dflt_unknown, _return_type):\n def __init__(self,agent:_type_agent,platform:_type_platform,identity:_type_identity,baseline:_type_baseline,extra:_type_extra,summary:_type_summary=_HAS_DEFAULT_FACTORY,escalation:_type_escalation=_dflt_escalation,partial:_type_partial=_dflt_partial,unknown:_type_unknown=_dflt_unknown)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'agent',agent)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'identity',identity)\n  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)\n  __dataclass_builtins_object__.__setattr__(self,'extra',extra)\n  __dataclass_builtins_object__.__setattr__(self,'summary',_dflt_summary() if summary is _HAS_DEFAULT_FACTORY else summary)\n  __dataclass_builtins_object__.__setattr__(self,'escalation',escalation)\n  __dataclass_builtins_object__.__setattr__(self,'partial',partial)\n  __dataclass_builtins_object__.__setattr__(self,'unknown',unknown)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_agent, _type_platform, _type_identity_id, _type_identity_name, _type_via, _type_credential_fingerprint, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_credential_fingerprint, _dflt_location, _return_type):
 def __init__(self,agent:_type_agent,platform:_type_platform,identity_id:_type_identity_id,identity_name:_type_identity_name,via:_type_via,credential_fingerprint:_type_credential_fingerprint=_dflt_credential_fingerprint,location:_type_location=_dflt_location)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'agent',agent)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'identity_id',identity_id)
  __dataclass_builtins_object__.__setattr__(self,'identity_name',identity_name)
  __dataclass_builtins_object__.__setattr__(self,'via',via)
  __dataclass_builtins_object__.__setattr__(self,'credential_fingerprint',credential_fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
 return __init__
TABLE["def __create_fn__(_type_agent, _type_platform, _type_identity_id, _type_identity_name, _type_via, _type_credential_fingerprint, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_credential_fingerprint, _dflt_location, _return_type):\n def __init__(self,agent:_type_agent,platform:_type_platform,identity_id:_type_identity_id,identity_name:_type_identity_name,via:_type_via,credential_fingerprint:_type_credential_fingerprint=_dflt_credential_fingerprint,location:_type_location=_dflt_location)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'agent',agent)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'identity_id',identity_id)\n  __dataclass_builtins_object__.__setattr__(self,'identity_name',identity_name)\n  __dataclass_builtins_object__.__setattr__(self,'via',via)\n  __dataclass_builtins_object__.__setattr__(self,'credential_fingerprint',credential_fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_detector_id, _type_kind, _type_location, _type_redacted, _type_fingerprint, _type_severity, _type_confidence, _type_context, _type_is_example, _type_in_test_path, _type_identifier, _type_platform, _type_confidence_reason, _type_legacy_fingerprint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_context, _dflt_is_example, _dflt_in_test_path, _dflt_identifier, _dflt_platform, _dflt_confidence_reason, _dflt_legacy_fingerprint, _return_type):
 def __init__(self,detector_id:_type_detector_id,kind:_type_kind,location:_type_location,redacted:_type_redacted,fingerprint:_type_fingerprint,severity:_type_severity,confidence:_type_confidence,context:_type_context=_dflt_context,is_example:_type_is_example=_dflt_is_example,in_test_path:_type_in_test_path=_dflt_in_test_path,identifier:_type_identifier=_dflt_identifier,platform:_type_platform=_dflt_platform,confidence_reason:_type_confidence_reason=_dflt_confidence_reason,legacy_fingerprint:_type_legacy_fingerprint=_dflt_legacy_fingerprint)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'detector_id',detector_id)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
  __dataclass_builtins_object__.__setattr__(self,'redacted',redacted)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)
  __dataclass_builtins_object__.__setattr__(self,'context',context)
  __dataclass_builtins_object__.__setattr__(self,'is_example',is_example)
  __dataclass_builtins_object__.__setattr__(self,'in_test_path',in_test_path)
  __dataclass_builtins_object__.__setattr__(self,'identifier',identifier)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'confidence_reason',confidence_reason)
  __dataclass_builtins_object__.__setattr__(self,'legacy_fingerprint',legacy_fingerprint)
 return __init__
TABLE["def __create_fn__(_type_detector_id, _type_kind, _type_location, _type_redacted, _type_fingerprint, _type_severity, _type_confidence, _type_context, _type_is_example, _type_in_test_path, _type_identifier, _type_platform, _type_confidence_reason, _type_legacy_fingerprint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_context, _dflt_is_example, _dflt_in_test_path, _dflt_identifier, _dflt_platform, _dflt_confidence_reason, _dflt_legacy_fingerprint, _return_type):\n def __init__(self,detector_id:_type_detector_id,kind:_type_kind,location:_type_location,redacted:_type_redacted,fingerprint:_type_fingerprint,severity:_type_severity,confidence:_type_confidence,context:_type_context=_dflt_context,is_example:_type_is_example=_dflt_is_example,in_test_path:_type_in_test_path=_dflt_in_test_path,identifier:_type_identifier=_dflt_identifier,platform:_type_platform=_dflt_platform,confidence_reason:_type_confidence_reason=_dflt_confidence_reason,legacy_fingerprint:_type_legacy_fingerprint=_dflt_legacy_fingerprint)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'detector_id',detector_id)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n  __dataclass_builtins_object__.__setattr__(self,'redacted',redacted)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)\n  __dataclass_builtins_object__.__setattr__(self,'context',context)\n  __dataclass_builtins_object__.__setattr__(self,'is_example',is_example)\n  __dataclass_builtins_object__.__setattr__(self,'in_test_path',in_test_path)\n  __dataclass_builtins_object__.__setattr__(self,'identifier',identifier)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'confidence_reason',confidence_reason)\n  __dataclass_builtins_object__.__setattr__(self,'legacy_fingerprint',legacy_fingerprint)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_files_scanned, _type_bytes_scanned, _type_skipped, _type_not_evaluated, _type_platforms_requested, _type_platforms_collected, _type_history_commits, _type_history_blobs, _type_platforms_partial, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files_scanned, _dflt_bytes_scanned, _dflt_skipped, _dflt_not_evaluated, _dflt_platforms_requested, _dflt_platforms_collected, _dflt_history_commits, _dflt_history_blobs, _dflt_platforms_partial, _return_type):
 def __init__(self,files_scanned:_type_files_scanned=_dflt_files_scanned,bytes_scanned:_type_bytes_scanned=_dflt_bytes_scanned,skipped:_type_skipped=_dflt_skipped,not_evaluated:_type_not_evaluated=_dflt_not_evaluated,platforms_requested:_type_platforms_requested=_dflt_platforms_requested,platforms_collected:_type_platforms_collected=_dflt_platforms_collected,history_commits:_type_history_commits=_dflt_history_commits,history_blobs:_type_history_blobs=_dflt_history_blobs,platforms_partial:_type_platforms_partial=_dflt_platforms_partial)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'files_scanned',files_scanned)
  __dataclass_builtins_object__.__setattr__(self,'bytes_scanned',bytes_scanned)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'not_evaluated',not_evaluated)
  __dataclass_builtins_object__.__setattr__(self,'platforms_requested',platforms_requested)
  __dataclass_builtins_object__.__setattr__(self,'platforms_collected',platforms_collected)
  __dataclass_builtins_object__.__setattr__(self,'history_commits',history_commits)
  __dataclass_builtins_object__.__setattr__(self,'history_blobs',history_blobs)
  __dataclass_builtins_object__.__setattr__(self,'platforms_partial',platforms_partial)
 return __init__
TABLE["def __create_fn__(_type_files_scanned, _type_bytes_scanned, _type_skipped, _type_not_evaluated, _type_platforms_requested, _type_platforms_collected, _type_history_commits, _type_history_blobs, _type_platforms_partial, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files_scanned, _dflt_bytes_scanned, _dflt_skipped, _dflt_not_evaluated, _dflt_platforms_requested, _dflt_platforms_collected, _dflt_history_commits, _dflt_history_blobs, _dflt_platforms_partial, _return_type):\n def __init__(self,files_scanned:_type_files_scanned=_dflt_files_scanned,bytes_scanned:_type_bytes_scanned=_dflt_bytes_scanned,skipped:_type_skipped=_dflt_skipped,not_evaluated:_type_not_evaluated=_dflt_not_evaluated,platforms_requested:_type_platforms_requested=_dflt_platforms_requested,platforms_collected:_type_platforms_collected=_dflt_platforms_collected,history_commits:_type_history_commits=_dflt_history_commits,history_blobs:_type_history_blobs=_dflt_history_blobs,platforms_partial:_type_platforms_partial=_dflt_platforms_partial)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'files_scanned',files_scanned)\n  __dataclass_builtins_object__.__setattr__(self,'bytes_scanned',bytes_scanned)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'not_evaluated',not_evaluated)\n  __dataclass_builtins_object__.__setattr__(self,'platforms_requested',platforms_requested)\n  __dataclass_builtins_object__.__setattr__(self,'platforms_collected',platforms_collected)\n  __dataclass_builtins_object__.__setattr__(self,'history_commits',history_commits)\n  __dataclass_builtins_object__.__setattr__(self,'history_blobs',history_blobs)\n  __dataclass_builtins_object__.__setattr__(self,'platforms_partial',platforms_partial)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_key, _type_value, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,key:_type_key,value:_type_value,location:_type_location)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
 return __init__
TABLE["def __create_fn__(_type_key, _type_value, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,key:_type_key,value:_type_value,location:_type_location)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_name, _type_location, _type_details, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_details, _return_type):
 def __init__(self,kind:_type_kind,name:_type_name,location:_type_location,details:_type_details=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
  __dataclass_builtins_object__.__setattr__(self,'details',_dflt_details() if details is _HAS_DEFAULT_FACTORY else details)
 return __init__
TABLE["def __create_fn__(_type_kind, _type_name, _type_location, _type_details, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_details, _return_type):\n def __init__(self,kind:_type_kind,name:_type_name,location:_type_location,details:_type_details=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n  __dataclass_builtins_object__.__setattr__(self,'details',_dflt_details() if details is _HAS_DEFAULT_FACTORY else details)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_reason, _type_expires, _type_expired, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_expires, _dflt_expired, _return_type):
 def __init__(self,kind:_type_kind,reason:_type_reason,expires:_type_expires=_dflt_expires,expired:_type_expired=_dflt_expired)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'expires',expires)
  __dataclass_builtins_object__.__setattr__(self,'expired',expired)
 return __init__
TABLE["def __create_fn__(_type_kind, _type_reason, _type_expires, _type_expired, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_expires, _dflt_expired, _return_type):\n def __init__(self,kind:_type_kind,reason:_type_reason,expires:_type_expires=_dflt_expires,expired:_type_expired=_dflt_expired)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'expires',expires)\n  __dataclass_builtins_object__.__setattr__(self,'expired',expired)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_target, _type_location, _type_platform, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_platform, _return_type):
 def __init__(self,kind:_type_kind,target:_type_target,location:_type_location,platform:_type_platform=_dflt_platform)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'target',target)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
 return __init__
TABLE["def __create_fn__(_type_kind, _type_target, _type_location, _type_platform, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_platform, _return_type):\n def __init__(self,kind:_type_kind,target:_type_target,location:_type_location,platform:_type_platform=_dflt_platform)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'target',target)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_name, _type_root, _type_kind, _type_manifests, _type_connections, _type_secrets, _type_references, _type_multi_user, _type_declared, _type_environment, _type_multi_user_reason, _type_files, _type_settings, _type_hints, _type_description, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_manifests, _dflt_connections, _dflt_secrets, _dflt_references, _dflt_multi_user, _dflt_declared, _dflt_environment, _dflt_multi_user_reason, _dflt_files, _dflt_settings, _dflt_hints, _dflt_description, _return_type):
 def __init__(self,name:_type_name,root:_type_root,kind:_type_kind,manifests:_type_manifests=_dflt_manifests,connections:_type_connections=_dflt_connections,secrets:_type_secrets=_dflt_secrets,references:_type_references=_dflt_references,multi_user:_type_multi_user=_dflt_multi_user,declared:_type_declared=_dflt_declared,environment:_type_environment=_dflt_environment,multi_user_reason:_type_multi_user_reason=_dflt_multi_user_reason,files:_type_files=_dflt_files,settings:_type_settings=_dflt_settings,hints:_type_hints=_dflt_hints,description:_type_description=_dflt_description)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'manifests',manifests)
  __dataclass_builtins_object__.__setattr__(self,'connections',connections)
  __dataclass_builtins_object__.__setattr__(self,'secrets',secrets)
  __dataclass_builtins_object__.__setattr__(self,'references',references)
  __dataclass_builtins_object__.__setattr__(self,'multi_user',multi_user)
  __dataclass_builtins_object__.__setattr__(self,'declared',declared)
  __dataclass_builtins_object__.__setattr__(self,'environment',environment)
  __dataclass_builtins_object__.__setattr__(self,'multi_user_reason',multi_user_reason)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'settings',settings)
  __dataclass_builtins_object__.__setattr__(self,'hints',hints)
  __dataclass_builtins_object__.__setattr__(self,'description',description)
 return __init__
TABLE["def __create_fn__(_type_name, _type_root, _type_kind, _type_manifests, _type_connections, _type_secrets, _type_references, _type_multi_user, _type_declared, _type_environment, _type_multi_user_reason, _type_files, _type_settings, _type_hints, _type_description, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_manifests, _dflt_connections, _dflt_secrets, _dflt_references, _dflt_multi_user, _dflt_declared, _dflt_environment, _dflt_multi_user_reason, _dflt_files, _dflt_settings, _dflt_hints, _dflt_description, _return_type):\n def __init__(self,name:_type_name,root:_type_root,kind:_type_kind,manifests:_type_manifests=_dflt_manifests,connections:_type_connections=_dflt_connections,secrets:_type_secrets=_dflt_secrets,references:_type_references=_dflt_references,multi_user:_type_multi_user=_dflt_multi_user,declared:_type_declared=_dflt_declared,environment:_type_environment=_dflt_environment,multi_user_reason:_type_multi_user_reason=_dflt_multi_user_reason,files:_type_files=_dflt_files,settings:_type_settings=_dflt_settings,hints:_type_hints=_dflt_hints,description:_type_description=_dflt_description)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'manifests',manifests)\n  __dataclass_builtins_object__.__setattr__(self,'connections',connections)\n  __dataclass_builtins_object__.__setattr__(self,'secrets',secrets)\n  __dataclass_builtins_object__.__setattr__(self,'references',references)\n  __dataclass_builtins_object__.__setattr__(self,'multi_user',multi_user)\n  __dataclass_builtins_object__.__setattr__(self,'declared',declared)\n  __dataclass_builtins_object__.__setattr__(self,'environment',environment)\n  __dataclass_builtins_object__.__setattr__(self,'multi_user_reason',multi_user_reason)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'settings',settings)\n  __dataclass_builtins_object__.__setattr__(self,'hints',hints)\n  __dataclass_builtins_object__.__setattr__(self,'description',description)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_part, _type_reason, _type_category, _type_subject, _type_affects_reach, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_category, _dflt_subject, _dflt_affects_reach, _return_type):
 def __init__(self,part:_type_part,reason:_type_reason,category:_type_category=_dflt_category,subject:_type_subject=_dflt_subject,affects_reach:_type_affects_reach=_dflt_affects_reach)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'part',part)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'category',category)
  __dataclass_builtins_object__.__setattr__(self,'subject',subject)
  __dataclass_builtins_object__.__setattr__(self,'affects_reach',affects_reach)
 return __init__
TABLE["def __create_fn__(_type_part, _type_reason, _type_category, _type_subject, _type_affects_reach, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_category, _dflt_subject, _dflt_affects_reach, _return_type):\n def __init__(self,part:_type_part,reason:_type_reason,category:_type_category=_dflt_category,subject:_type_subject=_dflt_subject,affects_reach:_type_affects_reach=_dflt_affects_reach)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'part',part)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'category',category)\n  __dataclass_builtins_object__.__setattr__(self,'subject',subject)\n  __dataclass_builtins_object__.__setattr__(self,'affects_reach',affects_reach)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_path, _type_format, _type_size, _type_secrets, _type_references, _type_settings, _type_manifests, _type_skipped, _type_allow_lines, _type_peer_allow, _type_commit, _type_committed, _type_iac, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_secrets, _dflt_references, _dflt_settings, _dflt_manifests, _dflt_skipped, _dflt_allow_lines, _dflt_peer_allow, _dflt_commit, _dflt_committed, _dflt_iac, _return_type):
 def __init__(self,path:_type_path,format:_type_format,size:_type_size,secrets:_type_secrets=_dflt_secrets,references:_type_references=_dflt_references,settings:_type_settings=_dflt_settings,manifests:_type_manifests=_dflt_manifests,skipped:_type_skipped=_dflt_skipped,allow_lines:_type_allow_lines=_dflt_allow_lines,peer_allow:_type_peer_allow=_dflt_peer_allow,commit:_type_commit=_dflt_commit,committed:_type_committed=_dflt_committed,iac:_type_iac=_dflt_iac)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'format',format)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'secrets',secrets)
  __dataclass_builtins_object__.__setattr__(self,'references',references)
  __dataclass_builtins_object__.__setattr__(self,'settings',settings)
  __dataclass_builtins_object__.__setattr__(self,'manifests',manifests)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'allow_lines',allow_lines)
  __dataclass_builtins_object__.__setattr__(self,'peer_allow',peer_allow)
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
  __dataclass_builtins_object__.__setattr__(self,'committed',committed)
  __dataclass_builtins_object__.__setattr__(self,'iac',iac)
 return __init__
TABLE["def __create_fn__(_type_path, _type_format, _type_size, _type_secrets, _type_references, _type_settings, _type_manifests, _type_skipped, _type_allow_lines, _type_peer_allow, _type_commit, _type_committed, _type_iac, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_secrets, _dflt_references, _dflt_settings, _dflt_manifests, _dflt_skipped, _dflt_allow_lines, _dflt_peer_allow, _dflt_commit, _dflt_committed, _dflt_iac, _return_type):\n def __init__(self,path:_type_path,format:_type_format,size:_type_size,secrets:_type_secrets=_dflt_secrets,references:_type_references=_dflt_references,settings:_type_settings=_dflt_settings,manifests:_type_manifests=_dflt_manifests,skipped:_type_skipped=_dflt_skipped,allow_lines:_type_allow_lines=_dflt_allow_lines,peer_allow:_type_peer_allow=_dflt_peer_allow,commit:_type_commit=_dflt_commit,committed:_type_committed=_dflt_committed,iac:_type_iac=_dflt_iac)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'format',format)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'secrets',secrets)\n  __dataclass_builtins_object__.__setattr__(self,'references',references)\n  __dataclass_builtins_object__.__setattr__(self,'settings',settings)\n  __dataclass_builtins_object__.__setattr__(self,'manifests',manifests)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'allow_lines',allow_lines)\n  __dataclass_builtins_object__.__setattr__(self,'peer_allow',peer_allow)\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n  __dataclass_builtins_object__.__setattr__(self,'committed',committed)\n  __dataclass_builtins_object__.__setattr__(self,'iac',iac)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_path, _type_line, _type_column, _type_key, _type_commit, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_line, _dflt_column, _dflt_key, _dflt_commit, _return_type):
 def __init__(self,path:_type_path,line:_type_line=_dflt_line,column:_type_column=_dflt_column,key:_type_key=_dflt_key,commit:_type_commit=_dflt_commit)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'column',column)
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
 return __init__
TABLE["def __create_fn__(_type_path, _type_line, _type_column, _type_key, _type_commit, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_line, _dflt_column, _dflt_key, _dflt_commit, _return_type):\n def __init__(self,path:_type_path,line:_type_line=_dflt_line,column:_type_column=_dflt_column,key:_type_key=_dflt_key,commit:_type_commit=_dflt_commit)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'column',column)\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_auth_model, _type_identity_hint, _type_evidence, _type_credential_fingerprints, _type_reason, _type_decided_at, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identity_hint, _dflt_evidence, _dflt_credential_fingerprints, _dflt_reason, _dflt_decided_at, _return_type):
 def __init__(self,platform:_type_platform,auth_model:_type_auth_model,identity_hint:_type_identity_hint=_dflt_identity_hint,evidence:_type_evidence=_dflt_evidence,credential_fingerprints:_type_credential_fingerprints=_dflt_credential_fingerprints,reason:_type_reason=_dflt_reason,decided_at:_type_decided_at=_dflt_decided_at)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'auth_model',auth_model)
  __dataclass_builtins_object__.__setattr__(self,'identity_hint',identity_hint)
  __dataclass_builtins_object__.__setattr__(self,'evidence',evidence)
  __dataclass_builtins_object__.__setattr__(self,'credential_fingerprints',credential_fingerprints)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'decided_at',decided_at)
 return __init__
TABLE["def __create_fn__(_type_platform, _type_auth_model, _type_identity_hint, _type_evidence, _type_credential_fingerprints, _type_reason, _type_decided_at, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identity_hint, _dflt_evidence, _dflt_credential_fingerprints, _dflt_reason, _dflt_decided_at, _return_type):\n def __init__(self,platform:_type_platform,auth_model:_type_auth_model,identity_hint:_type_identity_hint=_dflt_identity_hint,evidence:_type_evidence=_dflt_evidence,credential_fingerprints:_type_credential_fingerprints=_dflt_credential_fingerprints,reason:_type_reason=_dflt_reason,decided_at:_type_decided_at=_dflt_decided_at)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'auth_model',auth_model)\n  __dataclass_builtins_object__.__setattr__(self,'identity_hint',identity_hint)\n  __dataclass_builtins_object__.__setattr__(self,'evidence',evidence)\n  __dataclass_builtins_object__.__setattr__(self,'credential_fingerprints',credential_fingerprints)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'decided_at',decided_at)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_collected_at, _type_source, _type_identities, _type_credentials, _type_reach, _type_baseline, _type_coverage, _type_facts, _type_requests, _type_unread, _type_duration_seconds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identities, _dflt_credentials, _dflt_reach, _dflt_baseline, _dflt_coverage, _dflt_facts, _dflt_requests, _dflt_unread, _dflt_duration_seconds, _return_type):
 def __init__(self,platform:_type_platform,collected_at:_type_collected_at,source:_type_source,identities:_type_identities=_dflt_identities,credentials:_type_credentials=_dflt_credentials,reach:_type_reach=_HAS_DEFAULT_FACTORY,baseline:_type_baseline=_dflt_baseline,coverage:_type_coverage=_dflt_coverage,facts:_type_facts=_HAS_DEFAULT_FACTORY,requests:_type_requests=_dflt_requests,unread:_type_unread=_dflt_unread,duration_seconds:_type_duration_seconds=_dflt_duration_seconds)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'collected_at',collected_at)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'identities',identities)
  __dataclass_builtins_object__.__setattr__(self,'credentials',credentials)
  __dataclass_builtins_object__.__setattr__(self,'reach',_dflt_reach() if reach is _HAS_DEFAULT_FACTORY else reach)
  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)
  __dataclass_builtins_object__.__setattr__(self,'coverage',coverage)
  __dataclass_builtins_object__.__setattr__(self,'facts',_dflt_facts() if facts is _HAS_DEFAULT_FACTORY else facts)
  __dataclass_builtins_object__.__setattr__(self,'requests',requests)
  __dataclass_builtins_object__.__setattr__(self,'unread',unread)
  __dataclass_builtins_object__.__setattr__(self,'duration_seconds',duration_seconds)
 return __init__
TABLE["def __create_fn__(_type_platform, _type_collected_at, _type_source, _type_identities, _type_credentials, _type_reach, _type_baseline, _type_coverage, _type_facts, _type_requests, _type_unread, _type_duration_seconds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identities, _dflt_credentials, _dflt_reach, _dflt_baseline, _dflt_coverage, _dflt_facts, _dflt_requests, _dflt_unread, _dflt_duration_seconds, _return_type):\n def __init__(self,platform:_type_platform,collected_at:_type_collected_at,source:_type_source,identities:_type_identities=_dflt_identities,credentials:_type_credentials=_dflt_credentials,reach:_type_reach=_HAS_DEFAULT_FACTORY,baseline:_type_baseline=_dflt_baseline,coverage:_type_coverage=_dflt_coverage,facts:_type_facts=_HAS_DEFAULT_FACTORY,requests:_type_requests=_dflt_requests,unread:_type_unread=_dflt_unread,duration_seconds:_type_duration_seconds=_dflt_duration_seconds)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'collected_at',collected_at)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'identities',identities)\n  __dataclass_builtins_object__.__setattr__(self,'credentials',credentials)\n  __dataclass_builtins_object__.__setattr__(self,'reach',_dflt_reach() if reach is _HAS_DEFAULT_FACTORY else reach)\n  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)\n  __dataclass_builtins_object__.__setattr__(self,'coverage',coverage)\n  __dataclass_builtins_object__.__setattr__(self,'facts',_dflt_facts() if facts is _HAS_DEFAULT_FACTORY else facts)\n  __dataclass_builtins_object__.__setattr__(self,'requests',requests)\n  __dataclass_builtins_object__.__setattr__(self,'unread',unread)\n  __dataclass_builtins_object__.__setattr__(self,'duration_seconds',duration_seconds)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_id, _type_identity_id, _type_kind, _type_created, _type_rotated, _type_last_used, _type_expires, _type_active, _type_attributes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_created, _dflt_rotated, _dflt_last_used, _dflt_expires, _dflt_active, _dflt_attributes, _return_type):
 def __init__(self,platform:_type_platform,id:_type_id,identity_id:_type_identity_id,kind:_type_kind,created:_type_created=_dflt_created,rotated:_type_rotated=_dflt_rotated,last_used:_type_last_used=_dflt_last_used,expires:_type_expires=_dflt_expires,active:_type_active=_dflt_active,attributes:_type_attributes=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'identity_id',identity_id)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'created',created)
  __dataclass_builtins_object__.__setattr__(self,'rotated',rotated)
  __dataclass_builtins_object__.__setattr__(self,'last_used',last_used)
  __dataclass_builtins_object__.__setattr__(self,'expires',expires)
  __dataclass_builtins_object__.__setattr__(self,'active',active)
  __dataclass_builtins_object__.__setattr__(self,'attributes',_dflt_attributes() if attributes is _HAS_DEFAULT_FACTORY else attributes)
 return __init__
TABLE["def __create_fn__(_type_platform, _type_id, _type_identity_id, _type_kind, _type_created, _type_rotated, _type_last_used, _type_expires, _type_active, _type_attributes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_created, _dflt_rotated, _dflt_last_used, _dflt_expires, _dflt_active, _dflt_attributes, _return_type):\n def __init__(self,platform:_type_platform,id:_type_id,identity_id:_type_identity_id,kind:_type_kind,created:_type_created=_dflt_created,rotated:_type_rotated=_dflt_rotated,last_used:_type_last_used=_dflt_last_used,expires:_type_expires=_dflt_expires,active:_type_active=_dflt_active,attributes:_type_attributes=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'identity_id',identity_id)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'created',created)\n  __dataclass_builtins_object__.__setattr__(self,'rotated',rotated)\n  __dataclass_builtins_object__.__setattr__(self,'last_used',last_used)\n  __dataclass_builtins_object__.__setattr__(self,'expires',expires)\n  __dataclass_builtins_object__.__setattr__(self,'active',active)\n  __dataclass_builtins_object__.__setattr__(self,'attributes',_dflt_attributes() if attributes is _HAS_DEFAULT_FACTORY else attributes)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_id, _type_name, _type_kind, _type_attributes, _type_aliases, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_attributes, _dflt_aliases, _return_type):
 def __init__(self,platform:_type_platform,id:_type_id,name:_type_name,kind:_type_kind,attributes:_type_attributes=_HAS_DEFAULT_FACTORY,aliases:_type_aliases=_dflt_aliases)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'attributes',_dflt_attributes() if attributes is _HAS_DEFAULT_FACTORY else attributes)
  __dataclass_builtins_object__.__setattr__(self,'aliases',aliases)
 return __init__
TABLE["def __create_fn__(_type_platform, _type_id, _type_name, _type_kind, _type_attributes, _type_aliases, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_attributes, _dflt_aliases, _return_type):\n def __init__(self,platform:_type_platform,id:_type_id,name:_type_name,kind:_type_kind,attributes:_type_attributes=_HAS_DEFAULT_FACTORY,aliases:_type_aliases=_dflt_aliases)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'attributes',_dflt_attributes() if attributes is _HAS_DEFAULT_FACTORY else attributes)\n  __dataclass_builtins_object__.__setattr__(self,'aliases',aliases)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_resource, _type_action, _type_level, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_level, _return_type):
 def __init__(self,platform:_type_platform,resource:_type_resource,action:_type_action,level:_type_level=_dflt_level)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'resource',resource)
  __dataclass_builtins_object__.__setattr__(self,'action',action)
  __dataclass_builtins_object__.__setattr__(self,'level',level)
 return __init__
TABLE["def __create_fn__(_type_platform, _type_resource, _type_action, _type_level, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_level, _return_type):\n def __init__(self,platform:_type_platform,resource:_type_resource,action:_type_action,level:_type_level=_dflt_level)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'resource',resource)\n  __dataclass_builtins_object__.__setattr__(self,'action',action)\n  __dataclass_builtins_object__.__setattr__(self,'level',level)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_rule_id, _type_name, _type_severity, _type_title, _type_message, _type_fingerprint, _type_location, _type_identity, _type_platform, _type_agent, _type_kind, _type_evidence, _type_remediation, _type_references, _type_confidence, _type_suppression, _type_baseline, _type_aliases, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_location, _dflt_identity, _dflt_platform, _dflt_agent, _dflt_kind, _dflt_evidence, _dflt_remediation, _dflt_references, _dflt_confidence, _dflt_suppression, _dflt_baseline, _dflt_aliases, _return_type):
 def __init__(self,rule_id:_type_rule_id,name:_type_name,severity:_type_severity,title:_type_title,message:_type_message,fingerprint:_type_fingerprint,location:_type_location=_dflt_location,identity:_type_identity=_dflt_identity,platform:_type_platform=_dflt_platform,agent:_type_agent=_dflt_agent,kind:_type_kind=_dflt_kind,evidence:_type_evidence=_HAS_DEFAULT_FACTORY,remediation:_type_remediation=_dflt_remediation,references:_type_references=_dflt_references,confidence:_type_confidence=_dflt_confidence,suppression:_type_suppression=_dflt_suppression,baseline:_type_baseline=_dflt_baseline,aliases:_type_aliases=_dflt_aliases)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
  __dataclass_builtins_object__.__setattr__(self,'identity',identity)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'agent',agent)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'evidence',_dflt_evidence() if evidence is _HAS_DEFAULT_FACTORY else evidence)
  __dataclass_builtins_object__.__setattr__(self,'remediation',remediation)
  __dataclass_builtins_object__.__setattr__(self,'references',references)
  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)
  __dataclass_builtins_object__.__setattr__(self,'suppression',suppression)
  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)
  __dataclass_builtins_object__.__setattr__(self,'aliases',aliases)
 return __init__
TABLE["def __create_fn__(_type_rule_id, _type_name, _type_severity, _type_title, _type_message, _type_fingerprint, _type_location, _type_identity, _type_platform, _type_agent, _type_kind, _type_evidence, _type_remediation, _type_references, _type_confidence, _type_suppression, _type_baseline, _type_aliases, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_location, _dflt_identity, _dflt_platform, _dflt_agent, _dflt_kind, _dflt_evidence, _dflt_remediation, _dflt_references, _dflt_confidence, _dflt_suppression, _dflt_baseline, _dflt_aliases, _return_type):\n def __init__(self,rule_id:_type_rule_id,name:_type_name,severity:_type_severity,title:_type_title,message:_type_message,fingerprint:_type_fingerprint,location:_type_location=_dflt_location,identity:_type_identity=_dflt_identity,platform:_type_platform=_dflt_platform,agent:_type_agent=_dflt_agent,kind:_type_kind=_dflt_kind,evidence:_type_evidence=_HAS_DEFAULT_FACTORY,remediation:_type_remediation=_dflt_remediation,references:_type_references=_dflt_references,confidence:_type_confidence=_dflt_confidence,suppression:_type_suppression=_dflt_suppression,baseline:_type_baseline=_dflt_baseline,aliases:_type_aliases=_dflt_aliases)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'title',title)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n  __dataclass_builtins_object__.__setattr__(self,'identity',identity)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'agent',agent)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'evidence',_dflt_evidence() if evidence is _HAS_DEFAULT_FACTORY else evidence)\n  __dataclass_builtins_object__.__setattr__(self,'remediation',remediation)\n  __dataclass_builtins_object__.__setattr__(self,'references',references)\n  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)\n  __dataclass_builtins_object__.__setattr__(self,'suppression',suppression)\n  __dataclass_builtins_object__.__setattr__(self,'baseline',baseline)\n  __dataclass_builtins_object__.__setattr__(self,'aliases',aliases)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_rule_id, _type_subject, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rule_id:_type_rule_id,subject:_type_subject,reason:_type_reason)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)
  __dataclass_builtins_object__.__setattr__(self,'subject',subject)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__
TABLE["def __create_fn__(_type_rule_id, _type_subject, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rule_id:_type_rule_id,subject:_type_subject,reason:_type_reason)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)\n  __dataclass_builtins_object__.__setattr__(self,'subject',subject)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_source, _type_reason, _type_category, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_category, _return_type):
 def __init__(self,source:_type_source,reason:_type_reason,category:_type_category=_dflt_category)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'category',category)
 return __init__
TABLE["def __create_fn__(_type_source, _type_reason, _type_category, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_category, _return_type):\n def __init__(self,source:_type_source,reason:_type_reason,category:_type_category=_dflt_category)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'category',category)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_started, _type_finished, _type_targets, _type_agents, _type_files, _type_snapshots, _type_resolutions, _type_gaps, _type_findings, _type_coverage, _type_rules, _type_parameters, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_rules, _dflt_parameters, _dflt_history, _return_type):
 def __init__(self,started:_type_started,finished:_type_finished,targets:_type_targets,agents:_type_agents,files:_type_files,snapshots:_type_snapshots,resolutions:_type_resolutions,gaps:_type_gaps,findings:_type_findings,coverage:_type_coverage,rules:_type_rules=_dflt_rules,parameters:_type_parameters=_HAS_DEFAULT_FACTORY,history:_type_history=_dflt_history)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'started',started)
  __dataclass_builtins_object__.__setattr__(self,'finished',finished)
  __dataclass_builtins_object__.__setattr__(self,'targets',targets)
  __dataclass_builtins_object__.__setattr__(self,'agents',agents)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'snapshots',snapshots)
  __dataclass_builtins_object__.__setattr__(self,'resolutions',resolutions)
  __dataclass_builtins_object__.__setattr__(self,'gaps',gaps)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'coverage',coverage)
  __dataclass_builtins_object__.__setattr__(self,'rules',rules)
  __dataclass_builtins_object__.__setattr__(self,'parameters',_dflt_parameters() if parameters is _HAS_DEFAULT_FACTORY else parameters)
  __dataclass_builtins_object__.__setattr__(self,'history',history)
 return __init__
TABLE["def __create_fn__(_type_started, _type_finished, _type_targets, _type_agents, _type_files, _type_snapshots, _type_resolutions, _type_gaps, _type_findings, _type_coverage, _type_rules, _type_parameters, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_rules, _dflt_parameters, _dflt_history, _return_type):\n def __init__(self,started:_type_started,finished:_type_finished,targets:_type_targets,agents:_type_agents,files:_type_files,snapshots:_type_snapshots,resolutions:_type_resolutions,gaps:_type_gaps,findings:_type_findings,coverage:_type_coverage,rules:_type_rules=_dflt_rules,parameters:_type_parameters=_HAS_DEFAULT_FACTORY,history:_type_history=_dflt_history)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'started',started)\n  __dataclass_builtins_object__.__setattr__(self,'finished',finished)\n  __dataclass_builtins_object__.__setattr__(self,'targets',targets)\n  __dataclass_builtins_object__.__setattr__(self,'agents',agents)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'snapshots',snapshots)\n  __dataclass_builtins_object__.__setattr__(self,'resolutions',resolutions)\n  __dataclass_builtins_object__.__setattr__(self,'gaps',gaps)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'coverage',coverage)\n  __dataclass_builtins_object__.__setattr__(self,'rules',rules)\n  __dataclass_builtins_object__.__setattr__(self,'parameters',_dflt_parameters() if parameters is _HAS_DEFAULT_FACTORY else parameters)\n  __dataclass_builtins_object__.__setattr__(self,'history',history)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('agent','platform','identity','baseline','extra','summary','escalation','partial','unknown',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'agent\',\'platform\',\'identity\',\'baseline\',\'extra\',\'summary\',\'escalation\',\'partial\',\'unknown\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('agent','platform','identity_id','identity_name','via','credential_fingerprint','location',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'agent\',\'platform\',\'identity_id\',\'identity_name\',\'via\',\'credential_fingerprint\',\'location\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('detector_id','kind','location','redacted','fingerprint','severity','confidence','context','is_example','in_test_path','identifier','platform','confidence_reason','legacy_fingerprint',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'detector_id\',\'kind\',\'location\',\'redacted\',\'fingerprint\',\'severity\',\'confidence\',\'context\',\'is_example\',\'in_test_path\',\'identifier\',\'platform\',\'confidence_reason\',\'legacy_fingerprint\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('files_scanned','bytes_scanned','skipped','not_evaluated','platforms_requested','platforms_collected','history_commits','history_blobs','platforms_partial',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'files_scanned\',\'bytes_scanned\',\'skipped\',\'not_evaluated\',\'platforms_requested\',\'platforms_collected\',\'history_commits\',\'history_blobs\',\'platforms_partial\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('key','value','location',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'key\',\'value\',\'location\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('kind','name','location','details',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'kind\',\'name\',\'location\',\'details\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('kind','reason','expires','expired',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'kind\',\'reason\',\'expires\',\'expired\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('kind','target','location','platform',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'kind\',\'target\',\'location\',\'platform\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','root','kind','manifests','connections','secrets','references','multi_user','declared','environment','multi_user_reason','files','settings','hints','description',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'root\',\'kind\',\'manifests\',\'connections\',\'secrets\',\'references\',\'multi_user\',\'declared\',\'environment\',\'multi_user_reason\',\'files\',\'settings\',\'hints\',\'description\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('part','reason','category','subject','affects_reach',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'part\',\'reason\',\'category\',\'subject\',\'affects_reach\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','format','size','secrets','references','settings','manifests','skipped','allow_lines','peer_allow','commit','committed','iac',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'format\',\'size\',\'secrets\',\'references\',\'settings\',\'manifests\',\'skipped\',\'allow_lines\',\'peer_allow\',\'commit\',\'committed\',\'iac\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','line','column','key','commit',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'line\',\'column\',\'key\',\'commit\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('platform','auth_model','identity_hint','evidence','credential_fingerprints','reason','decided_at',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'platform\',\'auth_model\',\'identity_hint\',\'evidence\',\'credential_fingerprints\',\'reason\',\'decided_at\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('platform','collected_at','source','identities','credentials','reach','baseline','coverage','facts','requests','unread','duration_seconds',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'platform\',\'collected_at\',\'source\',\'identities\',\'credentials\',\'reach\',\'baseline\',\'coverage\',\'facts\',\'requests\',\'unread\',\'duration_seconds\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('platform','id','identity_id','kind','created','rotated','last_used','expires','active','attributes',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'platform\',\'id\',\'identity_id\',\'kind\',\'created\',\'rotated\',\'last_used\',\'expires\',\'active\',\'attributes\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('platform','id','name','kind','attributes','aliases',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'platform\',\'id\',\'name\',\'kind\',\'attributes\',\'aliases\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('platform','resource','action','level',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'platform\',\'resource\',\'action\',\'level\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('rule_id','name','severity','title','message','fingerprint','location','identity','platform','agent','kind','evidence','remediation','references','confidence','suppression','baseline','aliases',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'rule_id\',\'name\',\'severity\',\'title\',\'message\',\'fingerprint\',\'location\',\'identity\',\'platform\',\'agent\',\'kind\',\'evidence\',\'remediation\',\'references\',\'confidence\',\'suppression\',\'baseline\',\'aliases\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('rule_id','subject','reason',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'rule_id\',\'subject\',\'reason\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('source','reason','category',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'source\',\'reason\',\'category\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('started','finished','targets','agents','files','snapshots','resolutions','gaps','findings','coverage','rules','parameters','history',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'started\',\'finished\',\'targets\',\'agents\',\'files\',\'snapshots\',\'resolutions\',\'gaps\',\'findings\',\'coverage\',\'rules\',\'parameters\',\'history\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('agent','platform','identity','baseline','extra','summary','escalation','partial','unknown',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'agent\',\'platform\',\'identity\',\'baseline\',\'extra\',\'summary\',\'escalation\',\'partial\',\'unknown\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('agent','platform','identity_id','identity_name','via','credential_fingerprint','location',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'agent\',\'platform\',\'identity_id\',\'identity_name\',\'via\',\'credential_fingerprint\',\'location\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('detector_id','kind','location','redacted','fingerprint','severity','confidence','context','is_example','in_test_path','identifier','platform','confidence_reason','legacy_fingerprint',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'detector_id\',\'kind\',\'location\',\'redacted\',\'fingerprint\',\'severity\',\'confidence\',\'context\',\'is_example\',\'in_test_path\',\'identifier\',\'platform\',\'confidence_reason\',\'legacy_fingerprint\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('files_scanned','bytes_scanned','skipped','not_evaluated','platforms_requested','platforms_collected','history_commits','history_blobs','platforms_partial',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'files_scanned\',\'bytes_scanned\',\'skipped\',\'not_evaluated\',\'platforms_requested\',\'platforms_collected\',\'history_commits\',\'history_blobs\',\'platforms_partial\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('key','value','location',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'key\',\'value\',\'location\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('kind','name','location','details',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'kind\',\'name\',\'location\',\'details\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('kind','reason','expires','expired',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'kind\',\'reason\',\'expires\',\'expired\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('kind','target','location','platform',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'kind\',\'target\',\'location\',\'platform\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','root','kind','manifests','connections','secrets','references','multi_user','declared','environment','multi_user_reason','files','settings','hints','description',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'root\',\'kind\',\'manifests\',\'connections\',\'secrets\',\'references\',\'multi_user\',\'declared\',\'environment\',\'multi_user_reason\',\'files\',\'settings\',\'hints\',\'description\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('part','reason','category','subject','affects_reach',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'part\',\'reason\',\'category\',\'subject\',\'affects_reach\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','format','size','secrets','references','settings','manifests','skipped','allow_lines','peer_allow','commit','committed','iac',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'format\',\'size\',\'secrets\',\'references\',\'settings\',\'manifests\',\'skipped\',\'allow_lines\',\'peer_allow\',\'commit\',\'committed\',\'iac\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','line','column','key','commit',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'line\',\'column\',\'key\',\'commit\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('platform','auth_model','identity_hint','evidence','credential_fingerprints','reason','decided_at',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'platform\',\'auth_model\',\'identity_hint\',\'evidence\',\'credential_fingerprints\',\'reason\',\'decided_at\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('platform','collected_at','source','identities','credentials','reach','baseline','coverage','facts','requests','unread','duration_seconds',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'platform\',\'collected_at\',\'source\',\'identities\',\'credentials\',\'reach\',\'baseline\',\'coverage\',\'facts\',\'requests\',\'unread\',\'duration_seconds\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('platform','id','identity_id','kind','created','rotated','last_used','expires','active','attributes',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'platform\',\'id\',\'identity_id\',\'kind\',\'created\',\'rotated\',\'last_used\',\'expires\',\'active\',\'attributes\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('platform','id','name','kind','attributes','aliases',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'platform\',\'id\',\'name\',\'kind\',\'attributes\',\'aliases\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('platform','resource','action','level',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'platform\',\'resource\',\'action\',\'level\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('rule_id','name','severity','title','message','fingerprint','location','identity','platform','agent','kind','evidence','remediation','references','confidence','suppression','baseline','aliases',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'rule_id\',\'name\',\'severity\',\'title\',\'message\',\'fingerprint\',\'location\',\'identity\',\'platform\',\'agent\',\'kind\',\'evidence\',\'remediation\',\'references\',\'confidence\',\'suppression\',\'baseline\',\'aliases\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('rule_id','subject','reason',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'rule_id\',\'subject\',\'reason\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('source','reason','category',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'source\',\'reason\',\'category\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('started','finished','targets','agents','files','snapshots','resolutions','gaps','findings','coverage','rules','parameters','history',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'started\',\'finished\',\'targets\',\'agents\',\'files\',\'snapshots\',\'resolutions\',\'gaps\',\'findings\',\'coverage\',\'rules\',\'parameters\',\'history\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
