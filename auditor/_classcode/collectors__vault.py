"""`auditor.collectors.vault`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.client,self.counter,self.attempts,self.coverage,self.unread,self.local,self.local_lock,)==(other.client,other.counter,other.attempts,other.coverage,other.unread,other.local,other.local_lock,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.client,self.counter,self.attempts,self.coverage,self.unread,self.local,self.local_lock,)==(other.client,other.counter,other.attempts,other.coverage,other.unread,other.local,other.local_lock,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(client={self.client!r}, counter={self.counter!r}, attempts={self.attempts!r}, coverage={self.coverage!r}, unread={self.unread!r}, local={self.local!r}, local_lock={self.local_lock!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(client={self.client!r}, counter={self.counter!r}, attempts={self.attempts!r}, coverage={self.coverage!r}, unread={self.unread!r}, local={self.local!r}, local_lock={self.local_lock!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_client, _type_counter, _type_attempts, _type_coverage, _type_unread, _type_local, _type_local_lock, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_coverage, _dflt_unread, _dflt_local, _dflt_local_lock, _return_type):
 def __init__(self,client:_type_client,counter:_type_counter,attempts:_type_attempts,coverage:_type_coverage=_HAS_DEFAULT_FACTORY,unread:_type_unread=_HAS_DEFAULT_FACTORY,local:_type_local=_HAS_DEFAULT_FACTORY,local_lock:_type_local_lock=_HAS_DEFAULT_FACTORY)->_return_type:
  self.client=client
  self.counter=counter
  self.attempts=attempts
  self.coverage=_dflt_coverage() if coverage is _HAS_DEFAULT_FACTORY else coverage
  self.unread=_dflt_unread() if unread is _HAS_DEFAULT_FACTORY else unread
  self.local=_dflt_local() if local is _HAS_DEFAULT_FACTORY else local
  self.local_lock=_dflt_local_lock() if local_lock is _HAS_DEFAULT_FACTORY else local_lock
 return __init__
TABLE['def __create_fn__(_type_client, _type_counter, _type_attempts, _type_coverage, _type_unread, _type_local, _type_local_lock, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_coverage, _dflt_unread, _dflt_local, _dflt_local_lock, _return_type):\n def __init__(self,client:_type_client,counter:_type_counter,attempts:_type_attempts,coverage:_type_coverage=_HAS_DEFAULT_FACTORY,unread:_type_unread=_HAS_DEFAULT_FACTORY,local:_type_local=_HAS_DEFAULT_FACTORY,local_lock:_type_local_lock=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.client=client\n  self.counter=counter\n  self.attempts=attempts\n  self.coverage=_dflt_coverage() if coverage is _HAS_DEFAULT_FACTORY else coverage\n  self.unread=_dflt_unread() if unread is _HAS_DEFAULT_FACTORY else unread\n  self.local=_dflt_local() if local is _HAS_DEFAULT_FACTORY else local\n  self.local_lock=_dflt_local_lock() if local_lock is _HAS_DEFAULT_FACTORY else local_lock\n return __init__'] = (__create_fn__, ())
