"""`auditor.extract.detectors`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.allowed,self.found,self.asked,)==(other.allowed,other.found,other.asked,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.allowed,self.found,self.asked,)==(other.allowed,other.found,other.asked,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.detector,self.value,self.start,self.end,self.confidence,self.key,self.reason,)==(other.detector,other.value,other.start,other.end,other.confidence,other.key,other.reason,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.detector,self.value,self.start,self.end,self.confidence,self.key,self.reason,)==(other.detector,other.value,other.start,other.end,other.confidence,other.key,other.reason,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.detector,self.value,self.start,self.end,self.match_len,self.key,self.confidence,self.reason,)==(other.detector,other.value,other.start,other.end,other.match_len,other.key,other.confidence,other.reason,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.detector,self.value,self.start,self.end,self.match_len,self.key,self.confidence,self.reason,)==(other.detector,other.value,other.start,other.end,other.match_len,other.key,other.confidence,other.reason,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.id,self.kind,self.platform,self.title,self.regex,self.keywords,self.entropy,self.severity,self.confidence,self.identifier,self.generic,self.partner,self.examples_match,self.examples_no_match,self.source,self.window,self.assume_key,self.description,self.max_width,self.public_prefixes,self.checksum,self.checksum_required,self.anchor,self.public_near,self.gate_from,)==(other.id,other.kind,other.platform,other.title,other.regex,other.keywords,other.entropy,other.severity,other.confidence,other.identifier,other.generic,other.partner,other.examples_match,other.examples_no_match,other.source,other.window,other.assume_key,other.description,other.max_width,other.public_prefixes,other.checksum,other.checksum_required,other.anchor,other.public_near,other.gate_from,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.id,self.kind,self.platform,self.title,self.regex,self.keywords,self.entropy,self.severity,self.confidence,self.identifier,self.generic,self.partner,self.examples_match,self.examples_no_match,self.source,self.window,self.assume_key,self.description,self.max_width,self.public_prefixes,self.checksum,self.checksum_required,self.anchor,self.public_near,self.gate_from,)==(other.id,other.kind,other.platform,other.title,other.regex,other.keywords,other.entropy,other.severity,other.confidence,other.identifier,other.generic,other.partner,other.examples_match,other.examples_no_match,other.source,other.window,other.assume_key,other.description,other.max_width,other.public_prefixes,other.checksum,other.checksum_required,other.anchor,other.public_near,other.gate_from,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.markers,self.min_markers,self.within,self.reason,)==(other.markers,other.min_markers,other.within,other.reason,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.markers,self.min_markers,self.within,self.reason,)==(other.markers,other.min_markers,other.within,other.reason,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.allowed,self.found,self.asked,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.allowed,self.found,self.asked,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.detector,self.value,self.start,self.end,self.confidence,self.key,self.reason,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.detector,self.value,self.start,self.end,self.confidence,self.key,self.reason,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.detector,self.value,self.start,self.end,self.match_len,self.key,self.confidence,self.reason,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.detector,self.value,self.start,self.end,self.match_len,self.key,self.confidence,self.reason,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.id,self.kind,self.platform,self.title,self.regex,self.keywords,self.entropy,self.severity,self.confidence,self.identifier,self.generic,self.partner,self.examples_match,self.examples_no_match,self.source,self.window,self.assume_key,self.description,self.max_width,self.public_prefixes,self.checksum,self.checksum_required,self.anchor,self.public_near,self.gate_from,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.id,self.kind,self.platform,self.title,self.regex,self.keywords,self.entropy,self.severity,self.confidence,self.identifier,self.generic,self.partner,self.examples_match,self.examples_no_match,self.source,self.window,self.assume_key,self.description,self.max_width,self.public_prefixes,self.checksum,self.checksum_required,self.anchor,self.public_near,self.gate_from,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.markers,self.min_markers,self.within,self.reason,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.markers,self.min_markers,self.within,self.reason,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(allowed={self.allowed!r}, found={self.found!r}, asked={self.asked!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(allowed={self.allowed!r}, found={self.found!r}, asked={self.asked!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(detector={self.detector!r}, start={self.start!r}, end={self.end!r}, confidence={self.confidence!r}, key={self.key!r}, reason={self.reason!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(detector={self.detector!r}, start={self.start!r}, end={self.end!r}, confidence={self.confidence!r}, key={self.key!r}, reason={self.reason!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(detector={self.detector!r}, value={self.value!r}, start={self.start!r}, end={self.end!r}, match_len={self.match_len!r}, key={self.key!r}, confidence={self.confidence!r}, reason={self.reason!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(detector={self.detector!r}, value={self.value!r}, start={self.start!r}, end={self.end!r}, match_len={self.match_len!r}, key={self.key!r}, confidence={self.confidence!r}, reason={self.reason!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(markers={self.markers!r}, min_markers={self.min_markers!r}, within={self.within!r}, reason={self.reason!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(markers={self.markers!r}, min_markers={self.min_markers!r}, within={self.within!r}, reason={self.reason!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_allowed, _type_found, _type_asked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,allowed:_type_allowed,found:_type_found,asked:_type_asked)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'allowed',allowed)
  __dataclass_builtins_object__.__setattr__(self,'found',found)
  __dataclass_builtins_object__.__setattr__(self,'asked',asked)
 return __init__
TABLE["def __create_fn__(_type_allowed, _type_found, _type_asked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,allowed:_type_allowed,found:_type_found,asked:_type_asked)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'allowed',allowed)\n  __dataclass_builtins_object__.__setattr__(self,'found',found)\n  __dataclass_builtins_object__.__setattr__(self,'asked',asked)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_detector, _type_value, _type_start, _type_end, _type_confidence, _type_key, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_start, _dflt_end, _dflt_confidence, _dflt_key, _dflt_reason, _return_type):
 def __init__(self,detector:_type_detector,value:_type_value,start:_type_start=_dflt_start,end:_type_end=_dflt_end,confidence:_type_confidence=_dflt_confidence,key:_type_key=_dflt_key,reason:_type_reason=_dflt_reason)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'detector',detector)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__
TABLE["def __create_fn__(_type_detector, _type_value, _type_start, _type_end, _type_confidence, _type_key, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_start, _dflt_end, _dflt_confidence, _dflt_key, _dflt_reason, _return_type):\n def __init__(self,detector:_type_detector,value:_type_value,start:_type_start=_dflt_start,end:_type_end=_dflt_end,confidence:_type_confidence=_dflt_confidence,key:_type_key=_dflt_key,reason:_type_reason=_dflt_reason)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'detector',detector)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_detector, _type_value, _type_start, _type_end, _type_match_len, _type_key, _type_confidence, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_confidence, _dflt_reason, _return_type):
 def __init__(self,detector:_type_detector,value:_type_value,start:_type_start,end:_type_end,match_len:_type_match_len,key:_type_key,confidence:_type_confidence=_dflt_confidence,reason:_type_reason=_dflt_reason)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'detector',detector)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'match_len',match_len)
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__
TABLE["def __create_fn__(_type_detector, _type_value, _type_start, _type_end, _type_match_len, _type_key, _type_confidence, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_confidence, _dflt_reason, _return_type):\n def __init__(self,detector:_type_detector,value:_type_value,start:_type_start,end:_type_end,match_len:_type_match_len,key:_type_key,confidence:_type_confidence=_dflt_confidence,reason:_type_reason=_dflt_reason)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'detector',detector)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'match_len',match_len)\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_id, _type_kind, _type_platform, _type_title, _type_regex, _type_keywords, _type_entropy, _type_severity, _type_confidence, _type_identifier, _type_generic, _type_partner, _type_examples_match, _type_examples_no_match, _type_source, _type_window, _type_assume_key, _type_description, _type_max_width, _type_public_prefixes, _type_checksum, _type_checksum_required, _type_anchor, _type_public_near, _type_gate_from, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_window, _dflt_assume_key, _dflt_description, _dflt_max_width, _dflt_public_prefixes, _dflt_checksum, _dflt_checksum_required, _dflt_anchor, _dflt_public_near, _dflt_gate_from, _return_type):
 def __init__(self,id:_type_id,kind:_type_kind,platform:_type_platform,title:_type_title,regex:_type_regex,keywords:_type_keywords,entropy:_type_entropy,severity:_type_severity,confidence:_type_confidence,identifier:_type_identifier,generic:_type_generic,partner:_type_partner,examples_match:_type_examples_match,examples_no_match:_type_examples_no_match,source:_type_source,window:_type_window=_dflt_window,assume_key:_type_assume_key=_dflt_assume_key,description:_type_description=_dflt_description,max_width:_type_max_width=_dflt_max_width,public_prefixes:_type_public_prefixes=_dflt_public_prefixes,checksum:_type_checksum=_dflt_checksum,checksum_required:_type_checksum_required=_dflt_checksum_required,anchor:_type_anchor=_dflt_anchor,public_near:_type_public_near=_dflt_public_near,gate_from:_type_gate_from=_dflt_gate_from)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'regex',regex)
  __dataclass_builtins_object__.__setattr__(self,'keywords',keywords)
  __dataclass_builtins_object__.__setattr__(self,'entropy',entropy)
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)
  __dataclass_builtins_object__.__setattr__(self,'identifier',identifier)
  __dataclass_builtins_object__.__setattr__(self,'generic',generic)
  __dataclass_builtins_object__.__setattr__(self,'partner',partner)
  __dataclass_builtins_object__.__setattr__(self,'examples_match',examples_match)
  __dataclass_builtins_object__.__setattr__(self,'examples_no_match',examples_no_match)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'window',window)
  __dataclass_builtins_object__.__setattr__(self,'assume_key',assume_key)
  __dataclass_builtins_object__.__setattr__(self,'description',description)
  __dataclass_builtins_object__.__setattr__(self,'max_width',max_width)
  __dataclass_builtins_object__.__setattr__(self,'public_prefixes',public_prefixes)
  __dataclass_builtins_object__.__setattr__(self,'checksum',checksum)
  __dataclass_builtins_object__.__setattr__(self,'checksum_required',checksum_required)
  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)
  __dataclass_builtins_object__.__setattr__(self,'public_near',public_near)
  __dataclass_builtins_object__.__setattr__(self,'gate_from',gate_from)
 return __init__
TABLE["def __create_fn__(_type_id, _type_kind, _type_platform, _type_title, _type_regex, _type_keywords, _type_entropy, _type_severity, _type_confidence, _type_identifier, _type_generic, _type_partner, _type_examples_match, _type_examples_no_match, _type_source, _type_window, _type_assume_key, _type_description, _type_max_width, _type_public_prefixes, _type_checksum, _type_checksum_required, _type_anchor, _type_public_near, _type_gate_from, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_window, _dflt_assume_key, _dflt_description, _dflt_max_width, _dflt_public_prefixes, _dflt_checksum, _dflt_checksum_required, _dflt_anchor, _dflt_public_near, _dflt_gate_from, _return_type):\n def __init__(self,id:_type_id,kind:_type_kind,platform:_type_platform,title:_type_title,regex:_type_regex,keywords:_type_keywords,entropy:_type_entropy,severity:_type_severity,confidence:_type_confidence,identifier:_type_identifier,generic:_type_generic,partner:_type_partner,examples_match:_type_examples_match,examples_no_match:_type_examples_no_match,source:_type_source,window:_type_window=_dflt_window,assume_key:_type_assume_key=_dflt_assume_key,description:_type_description=_dflt_description,max_width:_type_max_width=_dflt_max_width,public_prefixes:_type_public_prefixes=_dflt_public_prefixes,checksum:_type_checksum=_dflt_checksum,checksum_required:_type_checksum_required=_dflt_checksum_required,anchor:_type_anchor=_dflt_anchor,public_near:_type_public_near=_dflt_public_near,gate_from:_type_gate_from=_dflt_gate_from)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'title',title)\n  __dataclass_builtins_object__.__setattr__(self,'regex',regex)\n  __dataclass_builtins_object__.__setattr__(self,'keywords',keywords)\n  __dataclass_builtins_object__.__setattr__(self,'entropy',entropy)\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'confidence',confidence)\n  __dataclass_builtins_object__.__setattr__(self,'identifier',identifier)\n  __dataclass_builtins_object__.__setattr__(self,'generic',generic)\n  __dataclass_builtins_object__.__setattr__(self,'partner',partner)\n  __dataclass_builtins_object__.__setattr__(self,'examples_match',examples_match)\n  __dataclass_builtins_object__.__setattr__(self,'examples_no_match',examples_no_match)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'window',window)\n  __dataclass_builtins_object__.__setattr__(self,'assume_key',assume_key)\n  __dataclass_builtins_object__.__setattr__(self,'description',description)\n  __dataclass_builtins_object__.__setattr__(self,'max_width',max_width)\n  __dataclass_builtins_object__.__setattr__(self,'public_prefixes',public_prefixes)\n  __dataclass_builtins_object__.__setattr__(self,'checksum',checksum)\n  __dataclass_builtins_object__.__setattr__(self,'checksum_required',checksum_required)\n  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)\n  __dataclass_builtins_object__.__setattr__(self,'public_near',public_near)\n  __dataclass_builtins_object__.__setattr__(self,'gate_from',gate_from)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_markers, _type_min_markers, _type_within, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,markers:_type_markers,min_markers:_type_min_markers,within:_type_within,reason:_type_reason)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'markers',markers)
  __dataclass_builtins_object__.__setattr__(self,'min_markers',min_markers)
  __dataclass_builtins_object__.__setattr__(self,'within',within)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__
TABLE["def __create_fn__(_type_markers, _type_min_markers, _type_within, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,markers:_type_markers,min_markers:_type_min_markers,within:_type_within,reason:_type_reason)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'markers',markers)\n  __dataclass_builtins_object__.__setattr__(self,'min_markers',min_markers)\n  __dataclass_builtins_object__.__setattr__(self,'within',within)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('allowed','found','asked',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'allowed\',\'found\',\'asked\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('detector','value','start','end','confidence','key','reason',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'detector\',\'value\',\'start\',\'end\',\'confidence\',\'key\',\'reason\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('detector','value','start','end','match_len','key','confidence','reason',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'detector\',\'value\',\'start\',\'end\',\'match_len\',\'key\',\'confidence\',\'reason\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('id','kind','platform','title','regex','keywords','entropy','severity','confidence','identifier','generic','partner','examples_match','examples_no_match','source','window','assume_key','description','max_width','public_prefixes','checksum','checksum_required','anchor','public_near','gate_from',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'id\',\'kind\',\'platform\',\'title\',\'regex\',\'keywords\',\'entropy\',\'severity\',\'confidence\',\'identifier\',\'generic\',\'partner\',\'examples_match\',\'examples_no_match\',\'source\',\'window\',\'assume_key\',\'description\',\'max_width\',\'public_prefixes\',\'checksum\',\'checksum_required\',\'anchor\',\'public_near\',\'gate_from\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('markers','min_markers','within','reason',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'markers\',\'min_markers\',\'within\',\'reason\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('allowed','found','asked',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'allowed\',\'found\',\'asked\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('detector','value','start','end','confidence','key','reason',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'detector\',\'value\',\'start\',\'end\',\'confidence\',\'key\',\'reason\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('detector','value','start','end','match_len','key','confidence','reason',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'detector\',\'value\',\'start\',\'end\',\'match_len\',\'key\',\'confidence\',\'reason\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('id','kind','platform','title','regex','keywords','entropy','severity','confidence','identifier','generic','partner','examples_match','examples_no_match','source','window','assume_key','description','max_width','public_prefixes','checksum','checksum_required','anchor','public_near','gate_from',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'id\',\'kind\',\'platform\',\'title\',\'regex\',\'keywords\',\'entropy\',\'severity\',\'confidence\',\'identifier\',\'generic\',\'partner\',\'examples_match\',\'examples_no_match\',\'source\',\'window\',\'assume_key\',\'description\',\'max_width\',\'public_prefixes\',\'checksum\',\'checksum_required\',\'anchor\',\'public_near\',\'gate_from\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('markers','min_markers','within','reason',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'markers\',\'min_markers\',\'within\',\'reason\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
