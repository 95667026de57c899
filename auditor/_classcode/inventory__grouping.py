"""`auditor.inventory.grouping`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.name,self.root,self.kinds,self.hints,self.files,self.secrets,self.references,self.settings,self.decl,self.mcp_file,self.mcp_scope,)==(other.name,other.root,other.kinds,other.hints,other.files,other.secrets,other.references,other.settings,other.decl,other.mcp_file,other.mcp_scope,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.name,self.root,self.kinds,self.hints,self.files,self.secrets,self.references,self.settings,self.decl,self.mcp_file,self.mcp_scope,)==(other.name,other.root,other.kinds,other.hints,other.files,other.secrets,other.references,other.settings,other.decl,other.mcp_file,other.mcp_scope,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(name={self.name!r}, root={self.root!r}, kinds={self.kinds!r}, hints={self.hints!r}, files={self.files!r}, secrets={self.secrets!r}, references={self.references!r}, settings={self.settings!r}, decl={self.decl!r}, mcp_file={self.mcp_file!r}, mcp_scope={self.mcp_scope!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(name={self.name!r}, root={self.root!r}, kinds={self.kinds!r}, hints={self.hints!r}, files={self.files!r}, secrets={self.secrets!r}, references={self.references!r}, settings={self.settings!r}, decl={self.decl!r}, mcp_file={self.mcp_file!r}, mcp_scope={self.mcp_scope!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_name, _type_root, _type_kinds, _type_hints, _type_files, _type_secrets, _type_references, _type_settings, _type_decl, _type_mcp_file, _type_mcp_scope, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kinds, _dflt_hints, _dflt_files, _dflt_secrets, _dflt_references, _dflt_settings, _dflt_decl, _dflt_mcp_file, _dflt_mcp_scope, _return_type):
 def __init__(self,name:_type_name,root:_type_root,kinds:_type_kinds=_HAS_DEFAULT_FACTORY,hints:_type_hints=_HAS_DEFAULT_FACTORY,files:_type_files=_HAS_DEFAULT_FACTORY,secrets:_type_secrets=_HAS_DEFAULT_FACTORY,references:_type_references=_HAS_DEFAULT_FACTORY,settings:_type_settings=_HAS_DEFAULT_FACTORY,decl:_type_decl=_dflt_decl,mcp_file:_type_mcp_file=_dflt_mcp_file,mcp_scope:_type_mcp_scope=_dflt_mcp_scope)->_return_type:
  self.name=name
  self.root=root
  self.kinds=_dflt_kinds() if kinds is _HAS_DEFAULT_FACTORY else kinds
  self.hints=_dflt_hints() if hints is _HAS_DEFAULT_FACTORY else hints
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.secrets=_dflt_secrets() if secrets is _HAS_DEFAULT_FACTORY else secrets
  self.references=_dflt_references() if references is _HAS_DEFAULT_FACTORY else references
  self.settings=_dflt_settings() if settings is _HAS_DEFAULT_FACTORY else settings
  self.decl=decl
  self.mcp_file=mcp_file
  self.mcp_scope=mcp_scope
 return __init__
TABLE['def __create_fn__(_type_name, _type_root, _type_kinds, _type_hints, _type_files, _type_secrets, _type_references, _type_settings, _type_decl, _type_mcp_file, _type_mcp_scope, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kinds, _dflt_hints, _dflt_files, _dflt_secrets, _dflt_references, _dflt_settings, _dflt_decl, _dflt_mcp_file, _dflt_mcp_scope, _return_type):\n def __init__(self,name:_type_name,root:_type_root,kinds:_type_kinds=_HAS_DEFAULT_FACTORY,hints:_type_hints=_HAS_DEFAULT_FACTORY,files:_type_files=_HAS_DEFAULT_FACTORY,secrets:_type_secrets=_HAS_DEFAULT_FACTORY,references:_type_references=_HAS_DEFAULT_FACTORY,settings:_type_settings=_HAS_DEFAULT_FACTORY,decl:_type_decl=_dflt_decl,mcp_file:_type_mcp_file=_dflt_mcp_file,mcp_scope:_type_mcp_scope=_dflt_mcp_scope)->_return_type:\n  self.name=name\n  self.root=root\n  self.kinds=_dflt_kinds() if kinds is _HAS_DEFAULT_FACTORY else kinds\n  self.hints=_dflt_hints() if hints is _HAS_DEFAULT_FACTORY else hints\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self.secrets=_dflt_secrets() if secrets is _HAS_DEFAULT_FACTORY else secrets\n  self.references=_dflt_references() if references is _HAS_DEFAULT_FACTORY else references\n  self.settings=_dflt_settings() if settings is _HAS_DEFAULT_FACTORY else settings\n  self.decl=decl\n  self.mcp_file=mcp_file\n  self.mcp_scope=mcp_scope\n return __init__'] = (__create_fn__, ())
