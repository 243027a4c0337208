package chatkit

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"unicode/utf8"
)

// checked runs constraint checks after a decoder; a check returns a message or "".
func checked[T any](dec func([]byte) (T, error), checks ...func(T) string) func([]byte) (T, error) {
	return func(raw []byte) (T, error) {
		v, err := dec(raw)
		if err != nil {
			return v, err
		}
		for _, check := range checks {
			if problem := check(v); problem != "" {
				var zero T
				return zero, &ValidationError{Message: problem}
			}
		}
		return v, nil
	}
}

type numeric interface{ ~int64 | ~float64 }

func minLength[S ~string](n int) func(S) string {
	return func(s S) string {
		if c := utf8.RuneCountInString(string(s)); c < n {
			return fmt.Sprintf("must have at least %d character(s), got %d", n, c)
		}
		return ""
	}
}

func maxLength[S ~string](n int) func(S) string {
	return func(s S) string {
		if c := utf8.RuneCountInString(string(s)); c > n {
			return fmt.Sprintf("must have at most %d character(s), got %d", n, c)
		}
		return ""
	}
}

func pattern[S ~string](expr string) func(S) string {
	rx, err := regexp.Compile(expr)
	return func(s S) string {
		if err != nil {
			return "" // a pattern Go's regexp cannot compile is not enforced
		}
		if !rx.MatchString(string(s)) {
			return fmt.Sprintf("must match the pattern %q", expr)
		}
		return ""
	}
}

func minimum[T numeric](n T) func(T) string {
	return func(v T) string {
		if v < n {
			return fmt.Sprintf("must be >= %v, got %v", n, v)
		}
		return ""
	}
}

func maximum[T numeric](n T) func(T) string {
	return func(v T) string {
		if v > n {
			return fmt.Sprintf("must be <= %v, got %v", n, v)
		}
		return ""
	}
}

func exclusiveMinimum[T numeric](n T) func(T) string {
	return func(v T) string {
		if v <= n {
			return fmt.Sprintf("must be > %v, got %v", n, v)
		}
		return ""
	}
}

func exclusiveMaximum[T numeric](n T) func(T) string {
	return func(v T) string {
		if v >= n {
			return fmt.Sprintf("must be < %v, got %v", n, v)
		}
		return ""
	}
}

func multipleOf[T numeric](n float64) func(T) string {
	return func(v T) string {
		q := float64(v) / n
		if q != math.Trunc(q) {
			return fmt.Sprintf("must be a multiple of %v, got %v", n, v)
		}
		return ""
	}
}

func minItems[T any](n int) func([]T) string {
	return func(v []T) string {
		if len(v) < n {
			return fmt.Sprintf("must have at least %d item(s), got %d", n, len(v))
		}
		return ""
	}
}

func maxItems[T any](n int) func([]T) string {
	return func(v []T) string {
		if len(v) > n {
			return fmt.Sprintf("must have at most %d item(s), got %d", n, len(v))
		}
		return ""
	}
}

func uniqueItems[T any]() func([]T) string {
	return func(v []T) string {
		seen := make(map[string]bool, len(v))
		for _, x := range v {
			b, _ := json.Marshal(x)
			if seen[string(b)] {
				return "items must be unique"
			}
			seen[string(b)] = true
		}
		return ""
	}
}

func minProperties[T any](n int) func(map[string]T) string {
	return func(v map[string]T) string {
		if len(v) < n {
			return fmt.Sprintf("must have at least %d entries, got %d", n, len(v))
		}
		return ""
	}
}

func maxProperties[T any](n int) func(map[string]T) string {
	return func(v map[string]T) string {
		if len(v) > n {
			return fmt.Sprintf("must have at most %d entries, got %d", n, len(v))
		}
		return ""
	}
}
