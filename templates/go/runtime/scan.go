package chatkit

import (
	"encoding/json"
)

// A small validating JSON scanner: the generated models split an object into its
// members with it and decode each member's bytes directly, without reflection or maps.
// Member values are sub-slices of the input; anything kept after decoding is copied.

// maxDepth bounds nesting, as encoding/json does.
const maxDepth = 10000

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// trimJSON drops the white space around a JSON text.
func trimJSON(raw []byte) []byte {
	if len(raw) > 0 && (isSpace(raw[0]) || isSpace(raw[len(raw)-1])) {
		i, j := 0, len(raw)
		for i < j && isSpace(raw[i]) {
			i++
		}
		for j > i && isSpace(raw[j-1]) {
			j--
		}
		return raw[i:j]
	}
	return raw
}

// syntaxError is encoding/json's message for invalid JSON text.
func syntaxError(data []byte) error {
	var v json.RawMessage
	if err := json.Unmarshal(data, &v); err != nil {
		return &ValidationError{Message: err.Error()}
	}
	return &ValidationError{Message: "invalid JSON"}
}

// valueEnd returns the index just past the JSON value that starts at data[i]
// (no leading space), or -1 when it is not valid JSON.
func valueEnd(data []byte, i, depth int) int {
	if i >= len(data) {
		return -1
	}
	switch c := data[i]; {
	case c == '"':
		end, _ := stringEnd(data, i)
		return end
	case c == '{':
		return objectEnd(data, i, depth+1)
	case c == '[':
		return arrayEnd(data, i, depth+1)
	case c == 't':
		return literalEnd(data, i, "true")
	case c == 'f':
		return literalEnd(data, i, "false")
	case c == 'n':
		return literalEnd(data, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		return numberEnd(data, i)
	}
	return -1
}

func literalEnd(data []byte, i int, word string) int {
	if len(data)-i >= len(word) && string(data[i:i+len(word)]) == word {
		return i + len(word)
	}
	return -1
}

// stringEnd returns the index just past the string that starts at data[i] (a '"'),
// and whether it holds escapes; -1 when it is not a valid JSON string.
func stringEnd(data []byte, i int) (int, bool) {
	escaped := false
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return j + 1, escaped
		case c == '\\':
			escaped = true
			j++
			if j >= len(data) {
				return -1, escaped
			}
			switch data[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(data) {
					return -1, escaped
				}
				for _, h := range data[j+1 : j+5] {
					if !isHex(h) {
						return -1, escaped
					}
				}
				j += 4
			default:
				return -1, escaped
			}
		case c < 0x20:
			return -1, escaped
		}
	}
	return -1, escaped
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberEnd returns the index just past the number that starts at data[i], or -1.
func numberEnd(data []byte, i int) int {
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return -1
	case data[i] == '0':
		i++
	case isDigit(data[i]):
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	default:
		return -1
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || !isDigit(data[i]) {
			return -1
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || !isDigit(data[i]) {
			return -1
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	return i
}

// validNumber reports whether raw is exactly one JSON number.
func validNumber(raw []byte) bool { return len(raw) > 0 && numberEnd(raw, 0) == len(raw) }

func objectEnd(data []byte, i, depth int) int {
	if depth > maxDepth {
		return -1
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return -1
		}
		if i, _ = stringEnd(data, i); i < 0 {
			return -1
		}
		if i = skipSpace(data, i); i >= len(data) || data[i] != ':' {
			return -1
		}
		if i = valueEnd(data, skipSpace(data, i+1), depth); i < 0 {
			return -1
		}
		if i = skipSpace(data, i); i >= len(data) {
			return -1
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return i + 1
		default:
			return -1
		}
	}
}

func arrayEnd(data []byte, i, depth int) int {
	if depth > maxDepth {
		return -1
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return i + 1
	}
	for {
		if i = valueEnd(data, i, depth); i < 0 {
			return -1
		}
		if i = skipSpace(data, i); i >= len(data) {
			return -1
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case ']':
			return i + 1
		default:
			return -1
		}
	}
}

// members calls visit with each member of the JSON object raw (which starts with
// '{'), in order: the key (unescaped) and the value's bytes. It validates raw whole.
func members(raw []byte, visit func(key, value []byte) error) error {
	i := skipSpace(raw, 1)
	if i < len(raw) && raw[i] == '}' {
		return trailing(raw, i+1)
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return syntaxError(raw)
		}
		end, escaped := stringEnd(raw, i)
		if end < 0 {
			return syntaxError(raw)
		}
		key := raw[i+1 : end-1]
		if escaped {
			var s string
			if err := json.Unmarshal(raw[i:end], &s); err != nil {
				return syntaxError(raw)
			}
			key = []byte(s)
		}
		if i = skipSpace(raw, end); i >= len(raw) || raw[i] != ':' {
			return syntaxError(raw)
		}
		start := skipSpace(raw, i+1)
		if i = valueEnd(raw, start, 1); i < 0 {
			return syntaxError(raw)
		}
		if err := visit(key, raw[start:i]); err != nil {
			return err
		}
		if i = skipSpace(raw, i); i >= len(raw) {
			return syntaxError(raw)
		}
		switch raw[i] {
		case ',':
			i = skipSpace(raw, i+1)
		case '}':
			return trailing(raw, i+1)
		default:
			return syntaxError(raw)
		}
	}
}

// items calls visit with each item of the JSON array raw (which starts with '['), in order.
func items(raw []byte, visit func(i int, value []byte) error) error {
	i := skipSpace(raw, 1)
	if i < len(raw) && raw[i] == ']' {
		return trailing(raw, i+1)
	}
	for n := 0; ; n++ {
		start := i
		if i = valueEnd(raw, start, 1); i < 0 {
			return syntaxError(raw)
		}
		if err := visit(n, raw[start:i]); err != nil {
			return err
		}
		if i = skipSpace(raw, i); i >= len(raw) {
			return syntaxError(raw)
		}
		switch raw[i] {
		case ',':
			i = skipSpace(raw, i+1)
		case ']':
			return trailing(raw, i+1)
		default:
			return syntaxError(raw)
		}
	}
}

// trailing accepts only white space after the value that ends at raw[i-1].
func trailing(raw []byte, i int) error {
	if skipSpace(raw, i) != len(raw) {
		return syntaxError(raw)
	}
	return nil
}

// splitObject validates the JSON object raw and files each member's value under
// its field number, index(key), in slots (a later duplicate wins, as in
// encoding/json). Members whose key is not a field (index -1) are returned
// copied, as the model's ExtraFields (nil when there are none).
func splitObject(raw []byte, slots [][]byte, index func(key []byte) int) (map[string]json.RawMessage, error) {
	raw = trimJSON(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, expected("object", raw)
	}
	var extra map[string]json.RawMessage
	err := members(raw, func(key, value []byte) error {
		if n := index(key); n >= 0 {
			slots[n] = value
			return nil
		}
		if extra == nil {
			extra = make(map[string]json.RawMessage)
		}
		extra[string(key)] = append(json.RawMessage(nil), value...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return extra, nil
}

// member returns the value of the member key of the JSON object raw (nil when
// absent or when raw is not a valid object).
func member(raw []byte, key string) []byte {
	var found []byte
	_ = members(raw, func(k, value []byte) error {
		if string(k) == key {
			found = value
		}
		return nil
	})
	return found
}
