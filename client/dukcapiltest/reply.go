package dukcapiltest

import (
	"encoding/json"
	"net"
	"net/http"
)

// replyWriter builds gateway replies in the server's current style.
type replyWriter struct {
	style     ReplyStyle
	lowerCase bool
	limiter   bool
	remaining int // hits left after this request, -1 when not counted
}

// status returns an error object with code and text in the reply style.
// An empty code sends the text alone, whatever the style.
func (r *replyWriter) status(code, text string) map[string]any {
	obj := make(map[string]any)
	switch {
	case r.style == StyleRespon:
		obj["RESPON"] = text
	case r.style == StyleResponse:
		obj["RESPONSE"] = text
	case code == "":
		obj["RESPONSE_DESC"] = text
	default:
		obj["RESPONSE_CODE"] = code
		obj["RESPONSE_DESC"] = text
	}
	return obj
}

// record returns a resident's full record, extra keys included, with the
// error object of its status added for any status but found.
func (r *replyWriter) record(raw map[string]json.RawMessage, status Status) map[string]any {
	obj := make(map[string]any, len(raw)+2)
	for k, v := range raw {
		obj[k] = v
	}
	if status != StatusFound {
		code := statusCodes[status]
		for k, v := range r.status(code, codeTexts[code]) {
			obj[k] = v
		}
	}
	return obj
}

// page wraps content[0] in the paging envelope of the gateway.
func (r *replyWriter) page(content map[string]any) map[string]any {
	if r.lowerCase {
		content = lowerKeys(content)
	}
	page := map[string]any{
		"content":          []any{content},
		"lastPage":         true,
		"numberOfElements": 1,
		"totalElements":    1,
		"firstPage":        true,
		"number":           0,
		"size":             1,
		"sort":             nil,
	}
	if r.limiter && r.remaining >= 0 {
		page["quotaLimiter"] = r.remaining
	}
	return page
}

// dropConnection resets the connection without a reply: the request was
// read, so the client cannot know whether it was processed.
func dropConnection(w http.ResponseWriter) {
	hijacker, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hijacker.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	type netConner interface{ NetConn() net.Conn }
	raw := conn
	if nc, ok := conn.(netConner); ok {
		raw = nc.NetConn()
	}
	if tcp, ok := raw.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}
