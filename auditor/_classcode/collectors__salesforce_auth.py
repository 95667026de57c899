"""`auditor.collectors.salesforce_auth`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.access_token,self.instance_url,self.user_id_url,self.method,)==(other.access_token,other.instance_url,other.user_id_url,other.method,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.access_token,self.instance_url,self.user_id_url,self.method,)==(other.access_token,other.instance_url,other.user_id_url,other.method,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.access_token,self.instance_url,self.user_id_url,self.method,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.access_token,self.instance_url,self.user_id_url,self.method,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(instance_url={self.instance_url!r}, user_id_url={self.user_id_url!r}, method={self.method!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(instance_url={self.instance_url!r}, user_id_url={self.user_id_url!r}, method={self.method!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_access_token, _type_instance_url, _type_user_id_url, _type_method, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_user_id_url, _dflt_method, _return_type):
 def __init__(self,access_token:_type_access_token,instance_url:_type_instance_url,user_id_url:_type_user_id_url=_dflt_user_id_url,method:_type_method=_dflt_method)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'access_token',access_token)
  __dataclass_builtins_object__.__setattr__(self,'instance_url',instance_url)
  __dataclass_builtins_object__.__setattr__(self,'user_id_url',user_id_url)
  __dataclass_builtins_object__.__setattr__(self,'method',method)
 return __init__
TABLE["def __create_fn__(_type_access_token, _type_instance_url, _type_user_id_url, _type_method, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_user_id_url, _dflt_method, _return_type):\n def __init__(self,access_token:_type_access_token,instance_url:_type_instance_url,user_id_url:_type_user_id_url=_dflt_user_id_url,method:_type_method=_dflt_method)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'access_token',access_token)\n  __dataclass_builtins_object__.__setattr__(self,'instance_url',instance_url)\n  __dataclass_builtins_object__.__setattr__(self,'user_id_url',user_id_url)\n  __dataclass_builtins_object__.__setattr__(self,'method',method)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('access_token','instance_url','user_id_url','method',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'access_token\',\'instance_url\',\'user_id_url\',\'method\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('access_token','instance_url','user_id_url','method',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'access_token\',\'instance_url\',\'user_id_url\',\'method\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
