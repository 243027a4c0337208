package chatkit

import (
	"encoding/json"
	"errors"
	"fmt"
)

// union holds a validated JSON value of a union type exactly as it was decoded
// (or built by a constructor), so numbers keep their text and kinds never change.
type union struct {
	raw json.RawMessage
	err error
}

func unionOf(v any) union {
	b, err := json.Marshal(v)
	return union{raw: b, err: err}
}

// Raw returns the value's JSON text (nil when unset).
func (u union) Raw() json.RawMessage { return u.raw }

// IsSet reports whether the union holds a value.
func (u union) IsSet() bool { return u.raw != nil }

// MarshalJSON writes the held JSON value.
func (u union) MarshalJSON() ([]byte, error) { return marshalValue(u) }

func (u union) writeJSON(w *jsonWriter) {
	switch {
	case u.err != nil:
		w.fail(u.err)
	case u.raw == nil:
		w.fail(errors.New("union value is not set"))
	default:
		w.buf = append(w.buf, u.raw...)
	}
}

// String returns the JSON text of the value.
func (u union) String() string { return string(u.raw) }

// variant turns a decoder into a check for decodeUnion.
func variant[T any](dec func([]byte) (T, error)) func([]byte) error {
	return func(raw []byte) error {
		_, err := dec(raw)
		return err
	}
}

// firstVariant is the check of a discriminator value several variants share:
// the first variant that accepts raw wins; otherwise the first one's error.
func firstVariant(checks ...func([]byte) error) func([]byte) error {
	return func(raw []byte) error {
		var first error
		for _, check := range checks {
			err := check(raw)
			if err == nil {
				return nil
			}
			if first == nil {
				first = err
			}
		}
		return first
	}
}

// unionAs decodes the held value as one variant.
func unionAs[T any](u union, dec func([]byte) (T, error)) (T, bool) {
	if u.raw == nil {
		var zero T
		return zero, false
	}
	v, err := dec(u.raw)
	return v, err == nil
}

// decodeUnion accepts raw when one of the variants does (tried in order).
func decodeUnion(raw []byte, what string, variants ...func([]byte) error) (union, error) {
	raw = trimJSON(raw)
	for _, check := range variants {
		if check(raw) == nil {
			return union{raw: append(json.RawMessage(nil), raw...)}, nil
		}
	}
	return union{}, expected(what, raw)
}

// decodeTagged picks the variant by the value of the discriminator property tag.
func decodeTagged(raw []byte, tag, what string, variants map[string]func([]byte) error, rest ...func([]byte) error) (union, error) {
	raw = trimJSON(raw)
	var t []byte
	if len(raw) > 0 && raw[0] == '{' && valueEnd(raw, 0, 0) == len(raw) {
		t = member(raw, tag)
	} else {
		if len(rest) > 0 {
			return decodeUnion(raw, what, rest...)
		}
		return union{}, expected(what, raw)
	}
	if t != nil {
		if name, err := decodeString(t); err == nil {
			if check, ok := variants[name]; ok {
				if err := check(raw); err != nil {
					return union{}, err
				}
				return union{raw: append(json.RawMessage(nil), raw...)}, nil
			}
		}
	}
	if len(rest) > 0 {
		return decodeUnion(raw, what, rest...)
	}
	names := sortedKeys(variants)
	return union{}, at(&ValidationError{Message: fmt.Sprintf("expected one of %q, got %s", names, quoteShort(string(t)))}, tag)
}
