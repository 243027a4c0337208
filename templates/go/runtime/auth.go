package chatkit

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// securityScheme is one security scheme of the API: how its credentials are sent.
type securityScheme struct {
	kind    string   // token | basic | tls (a client certificate on the caller's *http.Client)
	in      string   // header | query | cookie
	param   string   // the header, query parameter or cookie name
	prefix  string   // put before a token: "Bearer ", or "" for an API key
	options string   // the Option(s) that set its credentials, for error messages
	envs    []string // the environment variables of its credentials (token, or user name + password)
}

// credential is what the caller gave for one scheme: values (a token, or user
// name and password) or a token source called for every request.
type credential struct {
	values []string
	source func(context.Context) (string, error)
}

func withCredential(scheme string, values ...string) Option {
	return func(c *config) error {
		c.creds[scheme] = credential{values: values}
		return nil
	}
}

func withTokenSource(scheme string, source func(context.Context) (string, error)) Option {
	return func(c *config) error {
		if source == nil {
			return errors.New("the token source is nil")
		}
		c.creds[scheme] = credential{source: source}
		return nil
	}
}

// readCredentials fills in, from the environment, every credential no option set.
func (c *config) readCredentials(schemes map[string]securityScheme) {
	for name, s := range schemes {
		if _, set := c.creds[name]; set || len(s.envs) == 0 {
			continue
		}
		values := make([]string, len(s.envs))
		for i, env := range s.envs {
			values[i] = os.Getenv(env)
		}
		c.creds[name] = credential{values: values}
	}
}

// has reports whether the credentials of scheme name are there (a basic password may be empty).
func (c *config) has(name string, s securityScheme) bool {
	if s.kind == "tls" {
		return true
	}
	cred := c.creds[name]
	return cred.source != nil || len(cred.values) > 0 && cred.values[0] != ""
}

// checkCredentials rejects tokens that cannot go into a header, and a missing
// credential of a scheme that every operation needs.
func (c *config) checkCredentials(schemes map[string]securityScheme, required []string) error {
	for name, s := range schemes {
		cred := c.creds[name]
		if s.kind == "token" && len(cred.values) > 0 && !validToken(cred.values[0]) {
			return fmt.Errorf("%s: the credential for %s contains whitespace, non-printable or non-ASCII characters", packageName, name)
		}
	}
	for _, name := range required {
		if s := schemes[name]; !c.has(name, s) {
			return fmt.Errorf("%s: no credentials: %s", packageName, howToSet(s))
		}
	}
	return nil
}

// validToken rejects what cannot be sent as is: surrounding whitespace, control or non-ASCII characters.
func validToken(v string) bool {
	if strings.TrimSpace(v) != v {
		return false
	}
	for _, r := range v {
		if r > unicode.MaxASCII || !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

func howToSet(s securityScheme) string {
	if len(s.envs) == 0 {
		return "pass " + s.options
	}
	return fmt.Sprintf("pass %s or set the %s environment variable", s.options, strings.Join(s.envs, " and "))
}

// authParts are the credentials one request sends.
type authParts struct {
	header  [][2]string
	query   []string
	cookies []string
}

// authFor picks the first alternative of security (each a list of schemes, all
// sent) whose credentials are there; an empty alternative means none are needed.
func (c *config) authFor(ctx context.Context, schemes map[string]securityScheme, security [][]string) (authParts, error) {
	var parts authParts
	if len(security) == 0 {
		return parts, nil
	}
	optional := false
	var missing []string
	for _, alternative := range security {
		if len(alternative) == 0 {
			optional = true
			continue
		}
		ok := true
		for _, name := range alternative {
			if !c.has(name, schemes[name]) {
				ok = false
				missing = append(missing, howToSet(schemes[name]))
				break
			}
		}
		if !ok {
			continue
		}
		for _, name := range alternative {
			if err := c.send(ctx, name, schemes[name], &parts); err != nil {
				return parts, err
			}
		}
		return parts, nil
	}
	if optional {
		return parts, nil
	}
	return parts, fmt.Errorf("no credentials: %s", strings.Join(missing, "; or "))
}

func (c *config) send(ctx context.Context, name string, s securityScheme, parts *authParts) error {
	cred := c.creds[name]
	var text string
	switch s.kind {
	case "tls":
		return nil
	case "basic":
		user, password := cred.values[0], ""
		if len(cred.values) > 1 {
			password = cred.values[1]
		}
		text = "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
	default:
		token := ""
		if cred.source != nil {
			var err error
			if token, err = cred.source(ctx); err != nil {
				return fmt.Errorf("the token source of %s: %w", name, err)
			}
			if token == "" || !validToken(token) {
				return fmt.Errorf("the token source of %s returned an empty or invalid token", name)
			}
		} else {
			token = cred.values[0]
		}
		text = s.prefix + token
	}
	switch s.in {
	case "query":
		parts.query = append(parts.query, pct(s.param)+"="+pct(text))
	case "cookie":
		if strings.ContainsAny(text, ";\r\n") {
			return fmt.Errorf("the credential for %s cannot be sent as a cookie", name)
		}
		parts.cookies = append(parts.cookies, s.param+"="+text)
	default:
		parts.header = append(parts.header, [2]string{s.param, text})
	}
	return nil
}
