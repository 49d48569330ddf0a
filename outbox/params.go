package outbox

import (
	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
)

// ParamKeys are the keys the eight balikan fields are sent and exported
// under, in the order of ppdb.BalikanFields. The endpoint's keys are not
// public, so the configuration may replace the defaults.
type ParamKeys [8]string

// DefaultParamKeys returns ppdb's default key of every field.
func DefaultParamKeys() ParamKeys {
	var keys ParamKeys
	for i, f := range ppdb.BalikanFields {
		keys[i] = f.DefaultParamKey()
	}
	return keys
}

// withDefaults fills the empty keys with their defaults.
func (k ParamKeys) withDefaults() ParamKeys {
	defaults := DefaultParamKeys()
	for i := range k {
		if k[i] == "" {
			k[i] = defaults[i]
		}
	}
	return k
}

// item builds the delivery item of a queued record. Empty values are left
// out: most records fill only some fields (a parent has no Nomor Ijazah).
func (k ParamKeys) item(b store.QueuedBalikan) client.BalikanItem {
	item := client.BalikanItem{NIK: b.NIK}
	for i, v := range b.Values {
		if v != "" {
			item.Params = append(item.Params, client.Param{Key: k[i], Value: v})
		}
	}
	return item
}
