"""`auditor.report.common`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.no_color,self.width,self.config_path,self.baseline_used,self.markdown_max_findings,self.sarif_max_results,)==(other.no_color,other.width,other.config_path,other.baseline_used,other.markdown_max_findings,other.sarif_max_results,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.no_color,self.width,self.config_path,self.baseline_used,self.markdown_max_findings,self.sarif_max_results,)==(other.no_color,other.width,other.config_path,other.baseline_used,other.markdown_max_findings,other.sarif_max_results,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.no_color,self.width,self.config_path,self.baseline_used,self.markdown_max_findings,self.sarif_max_results,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.no_color,self.width,self.config_path,self.baseline_used,self.markdown_max_findings,self.sarif_max_results,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(no_color={self.no_color!r}, width={self.width!r}, config_path={self.config_path!r}, baseline_used={self.baseline_used!r}, markdown_max_findings={self.markdown_max_findings!r}, sarif_max_results={self.sarif_max_results!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(no_color={self.no_color!r}, width={self.width!r}, config_path={self.config_path!r}, baseline_used={self.baseline_used!r}, markdown_max_findings={self.markdown_max_findings!r}, sarif_max_results={self.sarif_max_results!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_no_color, _type_width, _type_config_path, _type_baseline_used, _type_markdown_max_findings, _type_sarif_max_results, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_no_color, _dflt_width, _dflt_config_path, _dflt_baseline_used, _dflt_markdown_max_findings, _dflt_sarif_max_results, _return_type):
 def __init__(self,no_color:_type_no_color=_dflt_no_color,width:_type_width=_dflt_width,config_path:_type_config_path=_dflt_config_path,baseline_used:_type_baseline_used=_dflt_baseline_used,markdown_max_findings:_type_markdown_max_findings=_dflt_markdown_max_findings,sarif_max_results:_type_sarif_max_results=_dflt_sarif_max_results)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'no_color',no_color)
  __dataclass_builtins_object__.__setattr__(self,'width',width)
  __dataclass_builtins_object__.__setattr__(self,'config_path',config_path)
  __dataclass_builtins_object__.__setattr__(self,'baseline_used',baseline_used)
  __dataclass_builtins_object__.__setattr__(self,'markdown_max_findings',markdown_max_findings)
  __dataclass_builtins_object__.__setattr__(self,'sarif_max_results',sarif_max_results)
 return __init__
TABLE["def __create_fn__(_type_no_color, _type_width, _type_config_path, _type_baseline_used, _type_markdown_max_findings, _type_sarif_max_results, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_no_color, _dflt_width, _dflt_config_path, _dflt_baseline_used, _dflt_markdown_max_findings, _dflt_sarif_max_results, _return_type):\n def __init__(self,no_color:_type_no_color=_dflt_no_color,width:_type_width=_dflt_width,config_path:_type_config_path=_dflt_config_path,baseline_used:_type_baseline_used=_dflt_baseline_used,markdown_max_findings:_type_markdown_max_findings=_dflt_markdown_max_findings,sarif_max_results:_type_sarif_max_results=_dflt_sarif_max_results)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'no_color',no_color)\n  __dataclass_builtins_object__.__setattr__(self,'width',width)\n  __dataclass_builtins_object__.__setattr__(self,'config_path',config_path)\n  __dataclass_builtins_object__.__setattr__(self,'baseline_used',baseline_used)\n  __dataclass_builtins_object__.__setattr__(self,'markdown_max_findings',markdown_max_findings)\n  __dataclass_builtins_object__.__setattr__(self,'sarif_max_results',sarif_max_results)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('no_color','width','config_path','baseline_used','markdown_max_findings','sarif_max_results',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'no_color\',\'width\',\'config_path\',\'baseline_used\',\'markdown_max_findings\',\'sarif_max_results\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('no_color','width','config_path','baseline_used','markdown_max_findings','sarif_max_results',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'no_color\',\'width\',\'config_path\',\'baseline_used\',\'markdown_max_findings\',\'sarif_max_results\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
