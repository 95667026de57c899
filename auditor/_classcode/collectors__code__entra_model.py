"""`auditor.collectors.code.entra_model`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.application,self.delegated,)==(other.application,other.delegated,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.application,self.delegated,)==(other.application,other.delegated,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.name,self.address,self.rel,self.line,self.app_id,self.object_id,self.access,self.secrets,self.certificates,self.federated,self.delegated_grants,self.directory_roles,self.owners,self.sign_in_audience,self.unresolved,)==(other.name,other.address,other.rel,other.line,other.app_id,other.object_id,other.access,other.secrets,other.certificates,other.federated,other.delegated_grants,other.directory_roles,other.owners,other.sign_in_audience,other.unresolved,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.name,self.address,self.rel,self.line,self.app_id,self.object_id,self.access,self.secrets,self.certificates,self.federated,self.delegated_grants,self.directory_roles,self.owners,self.sign_in_audience,self.unresolved,)==(other.name,other.address,other.rel,other.line,other.app_id,other.object_id,other.access,other.secrets,other.certificates,other.federated,other.delegated_grants,other.directory_roles,other.owners,other.sign_in_audience,other.unresolved,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.application,self.delegated,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.application,self.delegated,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(application={self.application!r}, delegated={self.delegated!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(application={self.application!r}, delegated={self.delegated!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(name={self.name!r}, address={self.address!r}, rel={self.rel!r}, line={self.line!r}, app_id={self.app_id!r}, object_id={self.object_id!r}, access={self.access!r}, secrets={self.secrets!r}, certificates={self.certificates!r}, federated={self.federated!r}, delegated_grants={self.delegated_grants!r}, directory_roles={self.directory_roles!r}, owners={self.owners!r}, sign_in_audience={self.sign_in_audience!r}, unresolved={self.unresolved!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(name={self.name!r}, address={self.address!r}, rel={self.rel!r}, line={self.line!r}, app_id={self.app_id!r}, object_id={self.object_id!r}, access={self.access!r}, secrets={self.secrets!r}, certificates={self.certificates!r}, federated={self.federated!r}, delegated_grants={self.delegated_grants!r}, directory_roles={self.directory_roles!r}, owners={self.owners!r}, sign_in_audience={self.sign_in_audience!r}, unresolved={self.unresolved!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_application, _type_delegated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,application:_type_application,delegated:_type_delegated)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'application',application)
  __dataclass_builtins_object__.__setattr__(self,'delegated',delegated)
 return __init__
TABLE["def __create_fn__(_type_application, _type_delegated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,application:_type_application,delegated:_type_delegated)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'application',application)\n  __dataclass_builtins_object__.__setattr__(self,'delegated',delegated)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_name, _type_address, _type_rel, _type_line, _type_app_id, _type_object_id, _type_access, _type_secrets, _type_certificates, _type_federated, _type_delegated_grants, _type_directory_roles, _type_owners, _type_sign_in_audience, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_app_id, _dflt_object_id, _dflt_access, _dflt_secrets, _dflt_certificates, _dflt_federated, _dflt_delegated_grants, _dflt_directory_roles, _dflt_owners, _dflt_sign_in_audience, _dflt_unresolved, _return_type):
 def __init__(self,name:_type_name,address:_type_address,rel:_type_rel,line:_type_line,app_id:_type_app_id=_dflt_app_id,object_id:_type_object_id=_dflt_object_id,access:_type_access=_HAS_DEFAULT_FACTORY,secrets:_type_secrets=_HAS_DEFAULT_FACTORY,certificates:_type_certificates=_HAS_DEFAULT_FACTORY,federated:_type_federated=_HAS_DEFAULT_FACTORY,delegated_grants:_type_delegated_grants=_HAS_DEFAULT_FACTORY,directory_roles:_type_directory_roles=_HAS_DEFAULT_FACTORY,owners:_type_owners=_dflt_owners,sign_in_audience:_type_sign_in_audience=_dflt_sign_in_audience,unresolved:_type_unresolved=_HAS_DEFAULT_FACTORY)->_return_type:
  self.name=name
  self.address=address
  self.rel=rel
  self.line=line
  self.app_id=app_id
  self.object_id=object_id
  self.access=_dflt_access() if access is _HAS_DEFAULT_FACTORY else access
  self.secrets=_dflt_secrets() if secrets is _HAS_DEFAULT_FACTORY else secrets
  self.certificates=_dflt_certificates() if certificates is _HAS_DEFAULT_FACTORY else certificates
  self.federated=_dflt_federated() if federated is _HAS_DEFAULT_FACTORY else federated
  self.delegated_grants=_dflt_delegated_grants() if delegated_grants is _HAS_DEFAULT_FACTORY else delegated_grants
  self.directory_roles=_dflt_directory_roles() if directory_roles is _HAS_DEFAULT_FACTORY else directory_roles
  self.owners=owners
  self.sign_in_audience=sign_in_audience
  self.unresolved=_dflt_unresolved() if unresolved is _HAS_DEFAULT_FACTORY else unresolved
 return __init__
TABLE['def __create_fn__(_type_name, _type_address, _type_rel, _type_line, _type_app_id, _type_object_id, _type_access, _type_secrets, _type_certificates, _type_federated, _type_delegated_grants, _type_directory_roles, _type_owners, _type_sign_in_audience, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_app_id, _dflt_object_id, _dflt_access, _dflt_secrets, _dflt_certificates, _dflt_federated, _dflt_delegated_grants, _dflt_directory_roles, _dflt_owners, _dflt_sign_in_audience, _dflt_unresolved, _return_type):\n def __init__(self,name:_type_name,address:_type_address,rel:_type_rel,line:_type_line,app_id:_type_app_id=_dflt_app_id,object_id:_type_object_id=_dflt_object_id,access:_type_access=_HAS_DEFAULT_FACTORY,secrets:_type_secrets=_HAS_DEFAULT_FACTORY,certificates:_type_certificates=_HAS_DEFAULT_FACTORY,federated:_type_federated=_HAS_DEFAULT_FACTORY,delegated_grants:_type_delegated_grants=_HAS_DEFAULT_FACTORY,directory_roles:_type_directory_roles=_HAS_DEFAULT_FACTORY,owners:_type_owners=_dflt_owners,sign_in_audience:_type_sign_in_audience=_dflt_sign_in_audience,unresolved:_type_unresolved=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.name=name\n  self.address=address\n  self.rel=rel\n  self.line=line\n  self.app_id=app_id\n  self.object_id=object_id\n  self.access=_dflt_access() if access is _HAS_DEFAULT_FACTORY else access\n  self.secrets=_dflt_secrets() if secrets is _HAS_DEFAULT_FACTORY else secrets\n  self.certificates=_dflt_certificates() if certificates is _HAS_DEFAULT_FACTORY else certificates\n  self.federated=_dflt_federated() if federated is _HAS_DEFAULT_FACTORY else federated\n  self.delegated_grants=_dflt_delegated_grants() if delegated_grants is _HAS_DEFAULT_FACTORY else delegated_grants\n  self.directory_roles=_dflt_directory_roles() if directory_roles is _HAS_DEFAULT_FACTORY else directory_roles\n  self.owners=owners\n  self.sign_in_audience=sign_in_audience\n  self.unresolved=_dflt_unresolved() if unresolved is _HAS_DEFAULT_FACTORY else unresolved\n return __init__'] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('application','delegated',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'application\',\'delegated\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('application','delegated',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'application\',\'delegated\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
