"""Perl names: one deterministic pass from IR names to package, method and argument names.

* **packages** are ``<Namespace>::Model::<Pascal>`` (one per schema) and
  ``<Namespace>::Resource::<Pascal of the resource path>``; a clash is numbered 2, 3, ... in
  :func:`generator.naming.claim_order` order (``Pet`` before ``pet``, components before inline);
* **accessors and arguments** are snake_case ASCII words; a name the model base class or the
  client already defines (``new``, ``to_hash``, ``get``, ``isa``, ...) gets the suffix ``_field``,
  and so does one that would take a ``has_<field>`` predicate's name;
* a name that starts with a digit gets the prefix ``n``; an empty one is ``field``.

Perl has no keywords in method position, but a sub named like a builtin (``delete``, ``keys``)
is reported by perlcritic: such subs carry a ``## no critic`` note (:func:`critic_note`).
"""

from __future__ import annotations

from ...naming import claim_order, pascal, split_words, symbol_words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Methods of the model base class (templates/perl/runtime/.../Runtime/Model.pm) and UNIVERSAL.
MODEL_RESERVED = _words("""
    new from_hash from_json to_hash to_json get extra_fields redacted_hash dump isa can DOES VERSION
    DESTROY AUTOLOAD import unimport is_known values
    """)
# Methods of a resource class and of the client (Runtime/Client.pm).
RESOURCE_RESERVED = _words("""
    new client isa can DOES VERSION DESTROY AUTOLOAD import unimport base_url max_retries timeout
    user_agent
    """)
# Sub names Perl runs itself (phase blocks, object hooks): an enum constant may not take one.
SPECIAL_SUBS = _words("""
    BEGIN END INIT CHECK UNITCHECK DESTROY AUTOLOAD CLONE CLONE_SKIP
    """)
# Named call arguments the runtime takes itself.
ARG_RESERVED = frozenset({"body"})
# Perl's keywords and builtins (B::Keywords' functions and barewords, as of Perl 5.36): perlcritic's
# ProhibitBuiltinHomonyms reports a sub with one of these names.
BUILTINS = _words("""
    AUTOLOAD BEGIN CHECK DESTROY END INIT NULL UNITCHECK __DATA__ __END__ __FILE__ __LINE__
    __PACKAGE__ __SUB__ abs accept alarm and atan2 bind binmode bless break caller catch chdir chmod
    chomp chop chown chr chroot close closedir cmp connect continue cos crypt dbmclose dbmopen
    default defer defined delete die do dump each else elsif endgrent endhostent endnetent
    endprotoent endpwent endservent eof eq eval evalbytes exec exists exit exp fc fcntl fileno
    finally flock for foreach fork format formline ge getc getgrent getgrgid getgrnam gethostbyaddr
    gethostbyname gethostent getlogin getnetbyaddr getnetbyname getnetent getpeername getpgrp
    getppid getpriority getprotobyname getprotobynumber getprotoent getpwent getpwnam getpwuid
    getservbyname getservbyport getservent getsockname getsockopt given glob gmtime goto grep gt hex
    if index int ioctl isa join keys kill last lc lcfirst le length link listen local localtime lock
    log lstat lt m map mkdir msgctl msgget msgrcv msgsnd my ne next no not oct open opendir or ord
    our pack package pipe pop pos print printf prototype push q qq qr quotemeta qw qx rand read
    readdir readline readlink readpipe recv redo ref rename require reset return reverse rewinddir
    rindex rmdir s say scalar seek seekdir select semctl semget semop send setgrent sethostent
    setnetent setpgrp setpriority setprotoent setpwent setservent setsockopt shift shmctl shmget
    shmread shmwrite shutdown sin sleep socket socketpair sort splice split sprintf sqrt srand stat
    state study sub substr symlink syscall sysopen sysread sysseek system syswrite tell telldir tie
    tied time times tr truncate try uc ucfirst umask undef unless unlink unpack unshift untie until
    use utime values vec wait waitpid wantarray warn when while write x xor y
    """)


def ident(text: str | tuple[str, ...], fallback: str = "field") -> str:
    """snake_case ASCII for a wire name or neutral words."""
    words = symbol_words(text) if isinstance(text, str) else text
    out = "_".join(w for w in words if w) or fallback
    return "n" + out if out[0].isdigit() else out


def package_word(words: tuple[str, ...], fallback: str) -> str:
    out = pascal(tuple(w for w in words if w)) or fallback
    return "N" + out if out[0].isdigit() else out


def critic_note(name: str) -> str:
    """The perlcritic exemption a sub named like a builtin needs ('' when none)."""
    return "  ## no critic (Subroutines::ProhibitBuiltinHomonyms)" if name in BUILTINS else ""


def unique(wanted: list[str], taken: set[str]) -> list[str]:
    """``wanted`` made unique against ``taken`` and each other (numbered 2, 3, ...), in order."""
    out: list[str] = []
    for name in wanted:
        candidate, n = name, 2
        while candidate in taken:
            candidate, n = f"{name}{n}", n + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def model_packages(ids: list[str], words: list[tuple[str, ...]]) -> list[str]:
    """The Model:: package word of every model (parallel to ``ids``), unique."""
    wanted = [package_word(w, "Model") for w in words]
    spelled = [pascal(split_words(i.rsplit("/", 1)[-1])) for i in ids]
    out = [""] * len(ids)
    taken: set[str] = set()
    for i in claim_order(ids, spelled):
        out[i] = unique([wanted[i]], taken)[0]
    return out


def field_names(wires: list[str]) -> list[str]:
    """Accessor names of a model's fields (wire order): unique, clear of the base class's
    methods, and of each other's ``has_`` predicates."""
    base = [ident(w) for w in wires]
    wanted = [b + "_field" if b in MODEL_RESERVED or b.startswith("_") else b for b in base]
    # Exact spellings claim first: the property foo_bar before fooBar.
    order = sorted(range(len(wires)), key=lambda i: (wires[i] != wanted[i], i))
    taken: set[str] = set()
    out = [""] * len(wires)
    for i in order:
        out[i] = unique([wanted[i]], taken)[0]
    # has_<x> must not be another field's accessor.
    preds = {f"has_{n}" for n in out}
    return [n + "_field" if n in preds else n for n in out]
