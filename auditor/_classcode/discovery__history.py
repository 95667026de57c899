"""`auditor.discovery.history`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.blobs,self.skipped,self.commits,self.repositories,self.yielded,)==(other.blobs,other.skipped,other.commits,other.repositories,other.yielded,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.blobs,self.skipped,self.commits,self.repositories,self.yielded,)==(other.blobs,other.skipped,other.commits,other.repositories,other.yielded,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.repo,self.oid,self.rel,self.size,self.commit,self.committed,)==(other.repo,other.oid,other.rel,other.size,other.commit,other.committed,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.repo,self.oid,self.rel,self.size,self.commit,self.committed,)==(other.repo,other.oid,other.rel,other.size,other.commit,other.committed,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.repo,self.oid,self.rel,self.size,self.commit,self.committed,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.repo,self.oid,self.rel,self.size,self.commit,self.committed,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(blobs={self.blobs!r}, skipped={self.skipped!r}, commits={self.commits!r}, repositories={self.repositories!r}, yielded={self.yielded!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(blobs={self.blobs!r}, skipped={self.skipped!r}, commits={self.commits!r}, repositories={self.repositories!r}, yielded={self.yielded!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(repo={self.repo!r}, oid={self.oid!r}, rel={self.rel!r}, size={self.size!r}, commit={self.commit!r}, committed={self.committed!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(repo={self.repo!r}, oid={self.oid!r}, rel={self.rel!r}, size={self.size!r}, commit={self.commit!r}, committed={self.committed!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_blobs, _type_skipped, _type_commits, _type_repositories, _type_yielded, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blobs, _dflt_skipped, _dflt_commits, _dflt_repositories, _dflt_yielded, _return_type):
 def __init__(self,blobs:_type_blobs=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,commits:_type_commits=_dflt_commits,repositories:_type_repositories=_dflt_repositories,yielded:_type_yielded=_dflt_yielded)->_return_type:
  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs
  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped
  self.commits=commits
  self.repositories=repositories
  self.yielded=yielded
 return __init__
TABLE['def __create_fn__(_type_blobs, _type_skipped, _type_commits, _type_repositories, _type_yielded, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blobs, _dflt_skipped, _dflt_commits, _dflt_repositories, _dflt_yielded, _return_type):\n def __init__(self,blobs:_type_blobs=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,commits:_type_commits=_dflt_commits,repositories:_type_repositories=_dflt_repositories,yielded:_type_yielded=_dflt_yielded)->_return_type:\n  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs\n  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped\n  self.commits=commits\n  self.repositories=repositories\n  self.yielded=yielded\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_repo, _type_oid, _type_rel, _type_size, _type_commit, _type_committed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,repo:_type_repo,oid:_type_oid,rel:_type_rel,size:_type_size,commit:_type_commit,committed:_type_committed)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'repo',repo)
  __dataclass_builtins_object__.__setattr__(self,'oid',oid)
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
  __dataclass_builtins_object__.__setattr__(self,'committed',committed)
 return __init__
TABLE["def __create_fn__(_type_repo, _type_oid, _type_rel, _type_size, _type_commit, _type_committed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,repo:_type_repo,oid:_type_oid,rel:_type_rel,size:_type_size,commit:_type_commit,committed:_type_committed)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'repo',repo)\n  __dataclass_builtins_object__.__setattr__(self,'oid',oid)\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n  __dataclass_builtins_object__.__setattr__(self,'committed',committed)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('repo','oid','rel','size','commit','committed',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'repo\',\'oid\',\'rel\',\'size\',\'commit\',\'committed\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('repo','oid','rel','size','commit','committed',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'repo\',\'oid\',\'rel\',\'size\',\'commit\',\'committed\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
