package chatkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ValidationError reports JSON that does not match the schema. Path locates the
// bad value, e.g. "workflow.state_variables.x" or "data[2].id" ("" is the root).
type ValidationError struct {
	Path    string
	Message string
}

func (e *ValidationError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// at moves err one level down, under object key key.
func at(err error, key string) error {
	v, ok := err.(*ValidationError)
	if !ok {
		return &ValidationError{Path: key, Message: err.Error()}
	}
	switch {
	case v.Path == "":
		return &ValidationError{Path: key, Message: v.Message}
	case strings.HasPrefix(v.Path, "["):
		return &ValidationError{Path: key + v.Path, Message: v.Message}
	default:
		return &ValidationError{Path: key + "." + v.Path, Message: v.Message}
	}
}

// atIndex moves err one level down, under list index i.
func atIndex(err error, i int) error {
	head := "[" + strconv.Itoa(i) + "]"
	v, ok := err.(*ValidationError)
	if !ok {
		return &ValidationError{Path: head, Message: err.Error()}
	}
	if v.Path == "" || strings.HasPrefix(v.Path, "[") {
		return &ValidationError{Path: head + v.Path, Message: v.Message}
	}
	return &ValidationError{Path: head + "." + v.Path, Message: v.Message}
}

// jsonKind names the JSON type of raw, as error messages spell it.
func jsonKind(raw []byte) string {
	if len(raw) > 0 && isSpace(raw[0]) {
		raw = bytes.TrimLeft(raw, " \t\r\n")
	}
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	default:
		return "number"
	}
}

func expected(what string, raw []byte) error {
	return &ValidationError{Message: "expected " + what + ", got " + jsonKind(raw)}
}

// A decoder turns one JSON value into a Go value, validating it.
// The generated models compose them: listOf(decodeString), nullableOf(decodeInt), ...

func decodeString(raw []byte) (string, error) {
	raw = trimJSON(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return "", expected("string", raw)
	}
	if n := len(raw); n >= 2 && raw[n-1] == '"' {
		// No escapes, quotes or control bytes, and valid UTF-8: the text is the value.
		plain, ascii := true, true
		for _, c := range raw[1 : n-1] {
			if c < 0x20 || c == '"' || c == '\\' {
				plain = false
				break
			}
			ascii = ascii && c < utf8.RuneSelf
		}
		if plain && (ascii || utf8.Valid(raw[1:n-1])) {
			return string(raw[1 : n-1]), nil
		}
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", &ValidationError{Message: err.Error()}
	}
	return s, nil
}

func decodeSecret(raw []byte) (Secret, error) {
	s, err := decodeString(raw)
	return Secret(s), err
}

// decodeInt accepts JSON integers that fit in int64 (and integral numbers such
// as 1.0, as JSON Schema does); it never goes through float64 for plain digits.
func decodeInt(raw []byte) (int64, error) {
	raw = trimJSON(raw)
	if jsonKind(raw) != "number" {
		return 0, expected("integer", raw)
	}
	if n, ok := smallInt(raw); ok {
		return n, nil
	}
	if !validNumber(raw) {
		return 0, &ValidationError{Message: "expected integer, got " + quoteShort(string(raw))}
	}
	text := string(raw)
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 || strings.IndexAny(text, ".eE") < 0 {
		return 0, &ValidationError{Message: "expected integer, got " + quoteShort(text)}
	}
	return int64(f), nil
}

// smallInt reads up to 18 plain digits (with an optional minus sign) exactly.
func smallInt(raw []byte) (int64, bool) {
	digits := raw
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 18 || (digits[0] == '0' && len(digits) > 1) {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if raw[0] == '-' {
		n = -n
	}
	return n, true
}

func decodeFloat(raw []byte) (float64, error) {
	raw = trimJSON(raw)
	if jsonKind(raw) != "number" {
		return 0, expected("number", raw)
	}
	if !validNumber(raw) {
		return 0, &ValidationError{Message: "expected number, got " + quoteShort(string(raw))}
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return 0, &ValidationError{Message: "expected a number within float64 range"}
	}
	return f, nil
}

// decodeNumber keeps the number's exact JSON text.
func decodeNumber(raw []byte) (json.Number, error) {
	raw = trimJSON(raw)
	if jsonKind(raw) != "number" {
		return "", expected("number", raw)
	}
	if !validNumber(raw) {
		return "", &ValidationError{Message: "expected number, got " + quoteShort(string(raw))}
	}
	return json.Number(raw), nil
}

func decodeBool(raw []byte) (bool, error) {
	switch string(trimJSON(raw)) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, expected("boolean", raw)
}

// decodeAny keeps any JSON value as its raw text (validated, copied).
func decodeAny(raw []byte) (json.RawMessage, error) {
	raw = trimJSON(raw)
	if valueEnd(raw, 0, 0) != len(raw) {
		return nil, syntaxError(raw)
	}
	return append(json.RawMessage(nil), raw...), nil
}

func decodeEnum[E ~string](raw []byte) (E, error) {
	s, err := decodeString(raw)
	return E(s), err
}

func decodeIntEnum[E ~int64](raw []byte) (E, error) {
	n, err := decodeInt(raw)
	return E(n), err
}

func decodeFloatEnum[E ~float64](raw []byte) (E, error) {
	f, err := decodeFloat(raw)
	return E(f), err
}

// decodeModel decodes an object model with its UnmarshalJSON (which validates).
func decodeModel[T any, P interface {
	*T
	json.Unmarshaler
}](raw []byte) (T, error) {
	var v T
	err := P(&v).UnmarshalJSON(raw)
	return v, err
}

// decodeModelPtr is decodeModel for recursive references, held by pointer.
func decodeModelPtr[T any, P interface {
	*T
	json.Unmarshaler
}](raw []byte) (*T, error) {
	v, err := decodeModel[T, P](raw)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func listOf[T any](item func([]byte) (T, error)) func([]byte) ([]T, error) {
	return func(raw []byte) ([]T, error) {
		raw = trimJSON(raw)
		if len(raw) == 0 || raw[0] != '[' {
			return nil, expected("array", raw)
		}
		out := []T{}
		err := items(raw, func(i int, x []byte) error {
			v, err := item(x)
			if err != nil {
				return atIndex(err, i)
			}
			out = append(out, v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	}
}

func mapOf[T any](item func([]byte) (T, error)) func([]byte) (map[string]T, error) {
	return func(raw []byte) (map[string]T, error) {
		raw = trimJSON(raw)
		if len(raw) == 0 || raw[0] != '{' {
			return nil, expected("object", raw)
		}
		out := map[string]T{}
		err := members(raw, func(k, x []byte) error {
			v, err := item(x)
			if err != nil {
				return at(err, string(k))
			}
			out[string(k)] = v
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	}
}

func nullableOf[T any](inner func([]byte) (T, error)) func([]byte) (Nullable[T], error) {
	return func(raw []byte) (Nullable[T], error) {
		if jsonKind(raw) == "null" {
			return Nullable[T]{}, nil
		}
		v, err := inner(raw)
		if err != nil {
			if ve, ok := err.(*ValidationError); ok && ve.Path == "" && strings.HasPrefix(ve.Message, "expected ") {
				what, got, found := strings.Cut(strings.TrimPrefix(ve.Message, "expected "), ", got ")
				if found {
					return Nullable[T]{}, &ValidationError{Message: "expected " + what + " | null, got " + got}
				}
			}
			return Nullable[T]{}, err
		}
		return NotNull(v), nil
	}
}

// constOf accepts exactly want.
func constOf[T comparable](dec func([]byte) (T, error), want T) func([]byte) (T, error) {
	return func(raw []byte) (T, error) {
		v, err := dec(raw)
		if err != nil || v != want {
			var zero T
			return zero, &ValidationError{Message: fmt.Sprintf("expected %s, got %s", constText(want), quoteShort(string(raw)))}
		}
		return v, nil
	}
}

// constJSONOf accepts a JSON value equal to want (compared as JSON values).
func constJSONOf(want string) func([]byte) (json.RawMessage, error) {
	return func(raw []byte) (json.RawMessage, error) {
		if !jsonEqual(raw, []byte(want)) {
			return nil, &ValidationError{Message: fmt.Sprintf("expected %s, got %s", want, quoteShort(string(raw)))}
		}
		return json.RawMessage(want), nil
	}
}

func constText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func quoteShort(s string) string {
	s = string(bytes.TrimSpace([]byte(s)))
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}
