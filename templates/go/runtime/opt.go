package chatkit

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Opt is an optional value: it is either unset (the field is absent from the JSON
// object) or set to a value. The zero Opt is unset, so a request never sends a
// field you did not set.
type Opt[T any] struct {
	value T
	set   bool
}

// Some returns an Opt that is set to v.
func Some[T any](v T) Opt[T] { return Opt[T]{value: v, set: true} }

// Set sets the value.
func (o *Opt[T]) Set(v T) { o.value, o.set = v, true }

// Unset clears the value: the field is left out again.
func (o *Opt[T]) Unset() { *o = Opt[T]{} }

// IsSet reports whether a value is set.
func (o Opt[T]) IsSet() bool { return o.set }

// Value returns the value, or the zero value of T when unset.
func (o Opt[T]) Value() T { return o.value }

// Get returns the value and whether it is set.
func (o Opt[T]) Get() (T, bool) { return o.value, o.set }

// Or returns the value when set, otherwise fallback.
func (o Opt[T]) Or(fallback T) T {
	if o.set {
		return o.value
	}
	return fallback
}

// MarshalJSON encodes the value. An unset Opt is never written by the generated
// models; on its own it encodes as null.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if !o.set {
		return []byte("null"), nil
	}
	return json.Marshal(o.value)
}

// UnmarshalJSON sets the value from JSON (a JSON null is decoded into T, which
// must accept it; use Opt[Nullable[T]] for fields that may be null).
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	o.value, o.set = v, true
	return nil
}

// String formats the value, or "<unset>".
func (o Opt[T]) String() string { return fmt.Sprint(o) }

// Format prints the value with the same verb (so secrets inside stay redacted),
// or "<unset>".
func (o Opt[T]) Format(f fmt.State, verb rune) {
	if !o.set {
		fmt.Fprint(f, "<unset>")
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), o.value)
}

// Nullable is a value that may be JSON null. The zero Nullable is null.
type Nullable[T any] struct {
	value T
	valid bool
}

// NotNull returns a Nullable holding v.
func NotNull[T any](v T) Nullable[T] { return Nullable[T]{value: v, valid: true} }

// Null returns a null Nullable.
func Null[T any]() Nullable[T] { return Nullable[T]{} }

// SomeNull returns an optional field that is set to null (sent as "field": null).
func SomeNull[T any]() Opt[Nullable[T]] { return Some(Null[T]()) }

// SomeNotNull returns an optional, nullable field that is set to v.
func SomeNotNull[T any](v T) Opt[Nullable[T]] { return Some(NotNull(v)) }

// IsNull reports whether the value is null.
func (n Nullable[T]) IsNull() bool { return !n.valid }

// Value returns the value, or the zero value of T when null.
func (n Nullable[T]) Value() T { return n.value }

// Get returns the value and whether it is not null.
func (n Nullable[T]) Get() (T, bool) { return n.value, n.valid }

// Set sets a non-null value.
func (n *Nullable[T]) Set(v T) { n.value, n.valid = v, true }

// SetNull sets the value to null.
func (n *Nullable[T]) SetNull() { *n = Nullable[T]{} }

// MarshalJSON encodes null or the value.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.valid {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON decodes null or a value.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*n = Nullable[T]{}
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	n.value, n.valid = v, true
	return nil
}

// String formats the value, or "null".
func (n Nullable[T]) String() string { return fmt.Sprint(n) }

// Format prints the value with the same verb, or "null".
func (n Nullable[T]) Format(f fmt.State, verb rune) {
	if !n.valid {
		fmt.Fprint(f, "null")
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), n.value)
}

// Secret is a string that is never printed: every fmt verb, String and GoString
// show "[redacted]". JSON encoding writes the real value; use Reveal or a string
// conversion to read it.
type Secret string

const redacted = "[redacted]"

// Reveal returns the secret value.
func (s Secret) Reveal() string { return string(s) }

// String returns "[redacted]".
func (s Secret) String() string { return redacted }

// GoString returns "[redacted]".
func (s Secret) GoString() string { return redacted }

// Format writes "[redacted]" whatever the verb.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", redacted)
		return
	}
	fmt.Fprint(f, redacted)
}
