"""`auditor.collectors.aws_policy`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.effect,self.actions,self.not_actions,self.resources,self.not_resources,self.conditions,self.source,)==(other.effect,other.actions,other.not_actions,other.resources,other.not_resources,other.conditions,other.source,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.effect,self.actions,self.not_actions,self.resources,self.not_resources,self.conditions,self.source,)==(other.effect,other.actions,other.not_actions,other.resources,other.not_resources,other.conditions,other.source,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.reach,self.admin_equivalent,self.full_wildcard_services,self.escalations,self.network_restricted,self.action_count,)==(other.reach,other.admin_equivalent,other.full_wildcard_services,other.escalations,other.network_restricted,other.action_count,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.reach,self.admin_equivalent,self.full_wildcard_services,self.escalations,self.network_restricted,self.action_count,)==(other.reach,other.admin_equivalent,other.full_wildcard_services,other.escalations,other.network_restricted,other.action_count,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.effect,self.actions,self.not_actions,self.resources,self.not_resources,self.conditions,self.source,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.effect,self.actions,self.not_actions,self.resources,self.not_resources,self.conditions,self.source,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.reach,self.admin_equivalent,self.full_wildcard_services,self.escalations,self.network_restricted,self.action_count,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.reach,self.admin_equivalent,self.full_wildcard_services,self.escalations,self.network_restricted,self.action_count,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(effect={self.effect!r}, actions={self.actions!r}, not_actions={self.not_actions!r}, resources={self.resources!r}, not_resources={self.not_resources!r}, conditions={self.conditions!r}, source={self.source!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(effect={self.effect!r}, actions={self.actions!r}, not_actions={self.not_actions!r}, resources={self.resources!r}, not_resources={self.not_resources!r}, conditions={self.conditions!r}, source={self.source!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(reach={self.reach!r}, admin_equivalent={self.admin_equivalent!r}, full_wildcard_services={self.full_wildcard_services!r}, escalations={self.escalations!r}, network_restricted={self.network_restricted!r}, action_count={self.action_count!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(reach={self.reach!r}, admin_equivalent={self.admin_equivalent!r}, full_wildcard_services={self.full_wildcard_services!r}, escalations={self.escalations!r}, network_restricted={self.network_restricted!r}, action_count={self.action_count!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_effect, _type_actions, _type_not_actions, _type_resources, _type_not_resources, _type_conditions, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_actions, _dflt_not_actions, _dflt_resources, _dflt_not_resources, _dflt_conditions, _dflt_source, _return_type):
 def __init__(self,effect:_type_effect,actions:_type_actions=_dflt_actions,not_actions:_type_not_actions=_dflt_not_actions,resources:_type_resources=_dflt_resources,not_resources:_type_not_resources=_dflt_not_resources,conditions:_type_conditions=_HAS_DEFAULT_FACTORY,source:_type_source=_dflt_source)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'effect',effect)
  __dataclass_builtins_object__.__setattr__(self,'actions',actions)
  __dataclass_builtins_object__.__setattr__(self,'not_actions',not_actions)
  __dataclass_builtins_object__.__setattr__(self,'resources',resources)
  __dataclass_builtins_object__.__setattr__(self,'not_resources',not_resources)
  __dataclass_builtins_object__.__setattr__(self,'conditions',_dflt_conditions() if conditions is _HAS_DEFAULT_FACTORY else conditions)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__
TABLE["def __create_fn__(_type_effect, _type_actions, _type_not_actions, _type_resources, _type_not_resources, _type_conditions, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_actions, _dflt_not_actions, _dflt_resources, _dflt_not_resources, _dflt_conditions, _dflt_source, _return_type):\n def __init__(self,effect:_type_effect,actions:_type_actions=_dflt_actions,not_actions:_type_not_actions=_dflt_not_actions,resources:_type_resources=_dflt_resources,not_resources:_type_not_resources=_dflt_not_resources,conditions:_type_conditions=_HAS_DEFAULT_FACTORY,source:_type_source=_dflt_source)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'effect',effect)\n  __dataclass_builtins_object__.__setattr__(self,'actions',actions)\n  __dataclass_builtins_object__.__setattr__(self,'not_actions',not_actions)\n  __dataclass_builtins_object__.__setattr__(self,'resources',resources)\n  __dataclass_builtins_object__.__setattr__(self,'not_resources',not_resources)\n  __dataclass_builtins_object__.__setattr__(self,'conditions',_dflt_conditions() if conditions is _HAS_DEFAULT_FACTORY else conditions)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_reach, _type_admin_equivalent, _type_full_wildcard_services, _type_escalations, _type_network_restricted, _type_action_count, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,reach:_type_reach,admin_equivalent:_type_admin_equivalent,full_wildcard_services:_type_full_wildcard_services,escalations:_type_escalations,network_restricted:_type_network_restricted,action_count:_type_action_count)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'reach',reach)
  __dataclass_builtins_object__.__setattr__(self,'admin_equivalent',admin_equivalent)
  __dataclass_builtins_object__.__setattr__(self,'full_wildcard_services',full_wildcard_services)
  __dataclass_builtins_object__.__setattr__(self,'escalations',escalations)
  __dataclass_builtins_object__.__setattr__(self,'network_restricted',network_restricted)
  __dataclass_builtins_object__.__setattr__(self,'action_count',action_count)
 return __init__
TABLE["def __create_fn__(_type_reach, _type_admin_equivalent, _type_full_wildcard_services, _type_escalations, _type_network_restricted, _type_action_count, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,reach:_type_reach,admin_equivalent:_type_admin_equivalent,full_wildcard_services:_type_full_wildcard_services,escalations:_type_escalations,network_restricted:_type_network_restricted,action_count:_type_action_count)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'reach',reach)\n  __dataclass_builtins_object__.__setattr__(self,'admin_equivalent',admin_equivalent)\n  __dataclass_builtins_object__.__setattr__(self,'full_wildcard_services',full_wildcard_services)\n  __dataclass_builtins_object__.__setattr__(self,'escalations',escalations)\n  __dataclass_builtins_object__.__setattr__(self,'network_restricted',network_restricted)\n  __dataclass_builtins_object__.__setattr__(self,'action_count',action_count)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('effect','actions','not_actions','resources','not_resources','conditions','source',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'effect\',\'actions\',\'not_actions\',\'resources\',\'not_resources\',\'conditions\',\'source\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('reach','admin_equivalent','full_wildcard_services','escalations','network_restricted','action_count',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'reach\',\'admin_equivalent\',\'full_wildcard_services\',\'escalations\',\'network_restricted\',\'action_count\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('effect','actions','not_actions','resources','not_resources','conditions','source',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'effect\',\'actions\',\'not_actions\',\'resources\',\'not_resources\',\'conditions\',\'source\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('reach','admin_equivalent','full_wildcard_services','escalations','network_restricted','action_count',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'reach\',\'admin_equivalent\',\'full_wildcard_services\',\'escalations\',\'network_restricted\',\'action_count\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
