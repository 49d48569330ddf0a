package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/store"
)

func runOperator(args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("usage: kiosk operator add -id ID -name NAME -nda YYYY-MM-DD [-supervisor] (the PIN is read from standard input)")
	}
	fs := flag.NewFlagSet("operator add", flag.ContinueOnError)
	dataDir := fs.String("data", config.DefaultDataDir(), "directory of the kiosk's database")
	id := fs.String("id", "", "operator ID, e.g. OP01")
	name := fs.String("name", "", "operator's name, for the audit trail")
	nda := fs.String("nda", "", "date the operator signed the NDA, YYYY-MM-DD; an account without it cannot sign in")
	supervisor := fs.Bool("supervisor", false, "the account may quit the kiosk and export balikan")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *id == "" {
		return fmt.Errorf("-id is required")
	}
	op := store.Operator{ID: strings.ToUpper(*id), Name: *name, Supervisor: *supervisor}
	if *nda != "" {
		d, err := time.ParseInLocation("2006-01-02", *nda, time.Local)
		if err != nil {
			return fmt.Errorf("-nda %q is not a date: use YYYY-MM-DD", *nda)
		}
		op.NDADate = d
	}

	fmt.Fprint(os.Stderr, "PIN (4-8 digits): ")
	pin, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && pin == "" {
		return fmt.Errorf("read PIN from standard input: %w", err)
	}
	pin = strings.TrimSpace(pin)

	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(*dataDir, "kiosk.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.PutOperator(ctx, op, pin); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "operator %s saved\n", op.ID)
	return nil
}
