"""`auditor.collectors.entra`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.tenant_id,self.client_id,self.authority_host,self.graph_url,self.ca_bundle,self.client_secret_env,self.certificate_path,self.private_key_path,self.page_size,)==(other.tenant_id,other.client_id,other.authority_host,other.graph_url,other.ca_bundle,other.client_secret_env,other.certificate_path,other.private_key_path,other.page_size,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.tenant_id,self.client_id,self.authority_host,self.graph_url,self.ca_bundle,self.client_secret_env,self.certificate_path,self.private_key_path,self.page_size,)==(other.tenant_id,other.client_id,other.authority_host,other.graph_url,other.ca_bundle,other.client_secret_env,other.certificate_path,other.private_key_path,other.page_size,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.tenant_id,self.client_id,self.authority_host,self.graph_url,self.ca_bundle,self.client_secret_env,self.certificate_path,self.private_key_path,self.page_size,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.tenant_id,self.client_id,self.authority_host,self.graph_url,self.ca_bundle,self.client_secret_env,self.certificate_path,self.private_key_path,self.page_size,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(tenant_id={self.tenant_id!r}, client_id={self.client_id!r}, authority_host={self.authority_host!r}, graph_url={self.graph_url!r}, ca_bundle={self.ca_bundle!r}, client_secret_env={self.client_secret_env!r}, certificate_path={self.certificate_path!r}, private_key_path={self.private_key_path!r}, page_size={self.page_size!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(tenant_id={self.tenant_id!r}, client_id={self.client_id!r}, authority_host={self.authority_host!r}, graph_url={self.graph_url!r}, ca_bundle={self.ca_bundle!r}, client_secret_env={self.client_secret_env!r}, certificate_path={self.certificate_path!r}, private_key_path={self.private_key_path!r}, page_size={self.page_size!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_tenant_id, _type_client_id, _type_authority_host, _type_graph_url, _type_ca_bundle, _type_client_secret_env, _type_certificate_path, _type_private_key_path, _type_page_size, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_authority_host, _dflt_graph_url, _dflt_ca_bundle, _dflt_client_secret_env, _dflt_certificate_path, _dflt_private_key_path, _dflt_page_size, _return_type):
 def __init__(self,tenant_id:_type_tenant_id,client_id:_type_client_id,authority_host:_type_authority_host=_dflt_authority_host,graph_url:_type_graph_url=_dflt_graph_url,ca_bundle:_type_ca_bundle=_dflt_ca_bundle,client_secret_env:_type_client_secret_env=_dflt_client_secret_env,certificate_path:_type_certificate_path=_dflt_certificate_path,private_key_path:_type_private_key_path=_dflt_private_key_path,page_size:_type_page_size=_dflt_page_size)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'tenant_id',tenant_id)
  __dataclass_builtins_object__.__setattr__(self,'client_id',client_id)
  __dataclass_builtins_object__.__setattr__(self,'authority_host',authority_host)
  __dataclass_builtins_object__.__setattr__(self,'graph_url',graph_url)
  __dataclass_builtins_object__.__setattr__(self,'ca_bundle',ca_bundle)
  __dataclass_builtins_object__.__setattr__(self,'client_secret_env',client_secret_env)
  __dataclass_builtins_object__.__setattr__(self,'certificate_path',certificate_path)
  __dataclass_builtins_object__.__setattr__(self,'private_key_path',private_key_path)
  __dataclass_builtins_object__.__setattr__(self,'page_size',page_size)
 return __init__
TABLE["def __create_fn__(_type_tenant_id, _type_client_id, _type_authority_host, _type_graph_url, _type_ca_bundle, _type_client_secret_env, _type_certificate_path, _type_private_key_path, _type_page_size, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_authority_host, _dflt_graph_url, _dflt_ca_bundle, _dflt_client_secret_env, _dflt_certificate_path, _dflt_private_key_path, _dflt_page_size, _return_type):\n def __init__(self,tenant_id:_type_tenant_id,client_id:_type_client_id,authority_host:_type_authority_host=_dflt_authority_host,graph_url:_type_graph_url=_dflt_graph_url,ca_bundle:_type_ca_bundle=_dflt_ca_bundle,client_secret_env:_type_client_secret_env=_dflt_client_secret_env,certificate_path:_type_certificate_path=_dflt_certificate_path,private_key_path:_type_private_key_path=_dflt_private_key_path,page_size:_type_page_size=_dflt_page_size)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'tenant_id',tenant_id)\n  __dataclass_builtins_object__.__setattr__(self,'client_id',client_id)\n  __dataclass_builtins_object__.__setattr__(self,'authority_host',authority_host)\n  __dataclass_builtins_object__.__setattr__(self,'graph_url',graph_url)\n  __dataclass_builtins_object__.__setattr__(self,'ca_bundle',ca_bundle)\n  __dataclass_builtins_object__.__setattr__(self,'client_secret_env',client_secret_env)\n  __dataclass_builtins_object__.__setattr__(self,'certificate_path',certificate_path)\n  __dataclass_builtins_object__.__setattr__(self,'private_key_path',private_key_path)\n  __dataclass_builtins_object__.__setattr__(self,'page_size',page_size)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('tenant_id','client_id','authority_host','graph_url','ca_bundle','client_secret_env','certificate_path','private_key_path','page_size',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'tenant_id\',\'client_id\',\'authority_host\',\'graph_url\',\'ca_bundle\',\'client_secret_env\',\'certificate_path\',\'private_key_path\',\'page_size\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('tenant_id','client_id','authority_host','graph_url','ca_bundle','client_secret_env','certificate_path','private_key_path','page_size',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'tenant_id\',\'client_id\',\'authority_host\',\'graph_url\',\'ca_bundle\',\'client_secret_env\',\'certificate_path\',\'private_key_path\',\'page_size\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
