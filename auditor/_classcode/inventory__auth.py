"""`auditor.inventory.auth`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.tags,self.hints,self.structural,self.fingerprints,self.notes,)==(other.tags,other.hints,other.structural,other.fingerprints,other.notes,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.tags,self.hints,self.structural,self.fingerprints,self.notes,)==(other.tags,other.hints,other.structural,other.fingerprints,other.notes,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(tags={self.tags!r}, hints={self.hints!r}, structural={self.structural!r}, fingerprints={self.fingerprints!r}, notes={self.notes!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(tags={self.tags!r}, hints={self.hints!r}, structural={self.structural!r}, fingerprints={self.fingerprints!r}, notes={self.notes!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_tags, _type_hints, _type_structural, _type_fingerprints, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_tags, _dflt_hints, _dflt_structural, _dflt_fingerprints, _dflt_notes, _return_type):
 def __init__(self,tags:_type_tags=_HAS_DEFAULT_FACTORY,hints:_type_hints=_HAS_DEFAULT_FACTORY,structural:_type_structural=_HAS_DEFAULT_FACTORY,fingerprints:_type_fingerprints=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:
  self.tags=_dflt_tags() if tags is _HAS_DEFAULT_FACTORY else tags
  self.hints=_dflt_hints() if hints is _HAS_DEFAULT_FACTORY else hints
  self.structural=_dflt_structural() if structural is _HAS_DEFAULT_FACTORY else structural
  self.fingerprints=_dflt_fingerprints() if fingerprints is _HAS_DEFAULT_FACTORY else fingerprints
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
 return __init__
TABLE['def __create_fn__(_type_tags, _type_hints, _type_structural, _type_fingerprints, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_tags, _dflt_hints, _dflt_structural, _dflt_fingerprints, _dflt_notes, _return_type):\n def __init__(self,tags:_type_tags=_HAS_DEFAULT_FACTORY,hints:_type_hints=_HAS_DEFAULT_FACTORY,structural:_type_structural=_HAS_DEFAULT_FACTORY,fingerprints:_type_fingerprints=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.tags=_dflt_tags() if tags is _HAS_DEFAULT_FACTORY else tags\n  self.hints=_dflt_hints() if hints is _HAS_DEFAULT_FACTORY else hints\n  self.structural=_dflt_structural() if structural is _HAS_DEFAULT_FACTORY else structural\n  self.fingerprints=_dflt_fingerprints() if fingerprints is _HAS_DEFAULT_FACTORY else fingerprints\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n return __init__'] = (__create_fn__, ())
