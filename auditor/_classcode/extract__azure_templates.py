"""`auditor.extract.azure_templates`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.name,self.line,self.secure,self.default,)==(other.name,other.line,other.secure,other.default,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.name,self.line,self.secure,self.default,)==(other.name,other.line,other.secure,other.default,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.rel,self.language,self.params,self.variables,self.resources,self.modules,self.outputs,self.extensions,self.unknown,)==(other.rel,other.language,other.params,other.variables,other.resources,other.modules,other.outputs,other.extensions,other.unknown,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.rel,self.language,self.params,self.variables,self.resources,self.modules,self.outputs,self.extensions,self.unknown,)==(other.rel,other.language,other.params,other.variables,other.resources,other.modules,other.outputs,other.extensions,other.unknown,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.symbol,self.path,self.params,self.line,)==(other.symbol,other.path,other.params,other.line,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.symbol,self.path,self.params,self.line,)==(other.symbol,other.path,other.params,other.line,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.symbol,self.type,self.body,self.line,self.existing,self.conditional,self.loop,self.lines,)==(other.symbol,other.type,other.body,other.line,other.existing,other.conditional,other.loop,other.lines,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.symbol,self.type,self.body,self.line,self.existing,self.conditional,self.loop,self.lines,)==(other.symbol,other.type,other.body,other.line,other.existing,other.conditional,other.loop,other.lines,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(name={self.name!r}, line={self.line!r}, secure={self.secure!r}, default={self.default!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(name={self.name!r}, line={self.line!r}, secure={self.secure!r}, default={self.default!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(rel={self.rel!r}, language={self.language!r}, params={self.params!r}, variables={self.variables!r}, resources={self.resources!r}, modules={self.modules!r}, outputs={self.outputs!r}, extensions={self.extensions!r}, unknown={self.unknown!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(rel={self.rel!r}, language={self.language!r}, params={self.params!r}, variables={self.variables!r}, resources={self.resources!r}, modules={self.modules!r}, outputs={self.outputs!r}, extensions={self.extensions!r}, unknown={self.unknown!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(symbol={self.symbol!r}, path={self.path!r}, params={self.params!r}, line={self.line!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(symbol={self.symbol!r}, path={self.path!r}, params={self.params!r}, line={self.line!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(symbol={self.symbol!r}, type={self.type!r}, body={self.body!r}, line={self.line!r}, existing={self.existing!r}, conditional={self.conditional!r}, loop={self.loop!r}, lines={self.lines!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(symbol={self.symbol!r}, type={self.type!r}, body={self.body!r}, line={self.line!r}, existing={self.existing!r}, conditional={self.conditional!r}, loop={self.loop!r}, lines={self.lines!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_name, _type_line, _type_secure, _type_default, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_default, _return_type):
 def __init__(self,name:_type_name,line:_type_line,secure:_type_secure,default:_type_default=_dflt_default)->_return_type:
  self.name=name
  self.line=line
  self.secure=secure
  self.default=default
 return __init__
TABLE['def __create_fn__(_type_name, _type_line, _type_secure, _type_default, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_default, _return_type):\n def __init__(self,name:_type_name,line:_type_line,secure:_type_secure,default:_type_default=_dflt_default)->_return_type:\n  self.name=name\n  self.line=line\n  self.secure=secure\n  self.default=default\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_rel, _type_language, _type_params, _type_variables, _type_resources, _type_modules, _type_outputs, _type_extensions, _type_unknown, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_params, _dflt_variables, _dflt_resources, _dflt_modules, _dflt_outputs, _dflt_extensions, _dflt_unknown, _return_type):
 def __init__(self,rel:_type_rel,language:_type_language,params:_type_params=_HAS_DEFAULT_FACTORY,variables:_type_variables=_HAS_DEFAULT_FACTORY,resources:_type_resources=_HAS_DEFAULT_FACTORY,modules:_type_modules=_HAS_DEFAULT_FACTORY,outputs:_type_outputs=_HAS_DEFAULT_FACTORY,extensions:_type_extensions=_HAS_DEFAULT_FACTORY,unknown:_type_unknown=_HAS_DEFAULT_FACTORY)->_return_type:
  self.rel=rel
  self.language=language
  self.params=_dflt_params() if params is _HAS_DEFAULT_FACTORY else params
  self.variables=_dflt_variables() if variables is _HAS_DEFAULT_FACTORY else variables
  self.resources=_dflt_resources() if resources is _HAS_DEFAULT_FACTORY else resources
  self.modules=_dflt_modules() if modules is _HAS_DEFAULT_FACTORY else modules
  self.outputs=_dflt_outputs() if outputs is _HAS_DEFAULT_FACTORY else outputs
  self.extensions=_dflt_extensions() if extensions is _HAS_DEFAULT_FACTORY else extensions
  self.unknown=_dflt_unknown() if unknown is _HAS_DEFAULT_FACTORY else unknown
 return __init__
TABLE['def __create_fn__(_type_rel, _type_language, _type_params, _type_variables, _type_resources, _type_modules, _type_outputs, _type_extensions, _type_unknown, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_params, _dflt_variables, _dflt_resources, _dflt_modules, _dflt_outputs, _dflt_extensions, _dflt_unknown, _return_type):\n def __init__(self,rel:_type_rel,language:_type_language,params:_type_params=_HAS_DEFAULT_FACTORY,variables:_type_variables=_HAS_DEFAULT_FACTORY,resources:_type_resources=_HAS_DEFAULT_FACTORY,modules:_type_modules=_HAS_DEFAULT_FACTORY,outputs:_type_outputs=_HAS_DEFAULT_FACTORY,extensions:_type_extensions=_HAS_DEFAULT_FACTORY,unknown:_type_unknown=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.rel=rel\n  self.language=language\n  self.params=_dflt_params() if params is _HAS_DEFAULT_FACTORY else params\n  self.variables=_dflt_variables() if variables is _HAS_DEFAULT_FACTORY else variables\n  self.resources=_dflt_resources() if resources is _HAS_DEFAULT_FACTORY else resources\n  self.modules=_dflt_modules() if modules is _HAS_DEFAULT_FACTORY else modules\n  self.outputs=_dflt_outputs() if outputs is _HAS_DEFAULT_FACTORY else outputs\n  self.extensions=_dflt_extensions() if extensions is _HAS_DEFAULT_FACTORY else extensions\n  self.unknown=_dflt_unknown() if unknown is _HAS_DEFAULT_FACTORY else unknown\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_symbol, _type_path, _type_params, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,symbol:_type_symbol,path:_type_path,params:_type_params,line:_type_line)->_return_type:
  self.symbol=symbol
  self.path=path
  self.params=params
  self.line=line
 return __init__
TABLE['def __create_fn__(_type_symbol, _type_path, _type_params, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,symbol:_type_symbol,path:_type_path,params:_type_params,line:_type_line)->_return_type:\n  self.symbol=symbol\n  self.path=path\n  self.params=params\n  self.line=line\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_symbol, _type_type, _type_body, _type_line, _type_existing, _type_conditional, _type_loop, _type_lines, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_existing, _dflt_conditional, _dflt_loop, _dflt_lines, _return_type):
 def __init__(self,symbol:_type_symbol,type:_type_type,body:_type_body,line:_type_line,existing:_type_existing=_dflt_existing,conditional:_type_conditional=_dflt_conditional,loop:_type_loop=_dflt_loop,lines:_type_lines=_HAS_DEFAULT_FACTORY)->_return_type:
  self.symbol=symbol
  self.type=type
  self.body=body
  self.line=line
  self.existing=existing
  self.conditional=conditional
  self.loop=loop
  self.lines=_dflt_lines() if lines is _HAS_DEFAULT_FACTORY else lines
 return __init__
TABLE['def __create_fn__(_type_symbol, _type_type, _type_body, _type_line, _type_existing, _type_conditional, _type_loop, _type_lines, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_existing, _dflt_conditional, _dflt_loop, _dflt_lines, _return_type):\n def __init__(self,symbol:_type_symbol,type:_type_type,body:_type_body,line:_type_line,existing:_type_existing=_dflt_existing,conditional:_type_conditional=_dflt_conditional,loop:_type_loop=_dflt_loop,lines:_type_lines=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.symbol=symbol\n  self.type=type\n  self.body=body\n  self.line=line\n  self.existing=existing\n  self.conditional=conditional\n  self.loop=loop\n  self.lines=_dflt_lines() if lines is _HAS_DEFAULT_FACTORY else lines\n return __init__'] = (__create_fn__, ())
