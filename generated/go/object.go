package chatkit

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
)

// decodeObject splits a JSON object into its members (raw values, copied).
func decodeObject(raw []byte) (map[string]json.RawMessage, error) {
	return splitObject(raw, nil, noField)
}

func noField([]byte) int { return -1 }

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// required decodes a member's value (from splitObject; nil when absent) into dst;
// a missing member is an error.
func required[T any](raw []byte, key string, dst *T, dec func([]byte) (T, error)) error {
	if raw == nil {
		return &ValidationError{Path: key, Message: "is required"}
	}
	v, err := dec(raw)
	if err != nil {
		return at(err, key)
	}
	*dst = v
	return nil
}

// optional decodes a member's value into dst when present; absent leaves dst unset.
func optional[T any](raw []byte, key string, dst *Opt[T], dec func([]byte) (T, error)) error {
	if raw == nil {
		return nil
	}
	v, err := dec(raw)
	if err != nil {
		return at(err, key)
	}
	dst.value, dst.set = v, true
	return nil
}

// checkExtra validates each undeclared member with dec (typed additionalProperties), in key order.
func checkExtra[T any](extra map[string]json.RawMessage, dec func([]byte) (T, error)) error {
	for _, k := range sortedKeys(extra) {
		if _, err := dec(extra[k]); err != nil {
			return at(err, k)
		}
	}
	return nil
}

// jsonEqual compares two JSON texts as values: key order is ignored; numbers
// compare by value (integers exactly).
func jsonEqual(a, b []byte) bool {
	va, errA := parseJSON(a)
	vb, errB := parseJSON(b)
	return errA == nil && errB == nil && sameJSON(va, vb)
}

func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func sameJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !sameJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		xi, errX := strconv.ParseInt(string(x), 10, 64)
		yi, errY := strconv.ParseInt(string(y), 10, 64)
		if errX == nil && errY == nil {
			return xi == yi
		}
		xf, errX := strconv.ParseFloat(string(x), 64)
		yf, errY := strconv.ParseFloat(string(y), 64)
		return errX == nil && errY == nil && xf == yf
	default:
		return a == b
	}
}
