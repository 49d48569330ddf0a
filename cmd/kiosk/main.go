// Command kiosk is the PPDB registration kiosk. With no configuration file
// it runs the demo: a simulated card reader, the fake Dukcapil gateway on a
// loopback port and a database of its own.
//
//	kiosk [run]           run with the config file, or the demo without one
//	kiosk demo            run the demo
//	kiosk operator add    create or update an operator account
//	kiosk export          write pending balikan records to XLSX or CSV
//	kiosk report          print the semester usage report
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kiosk:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd := "run"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		usage()
		return nil
	}
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "run":
		return runKiosk(args)
	case "demo":
		return runDemo(args)
	case "operator":
		return runOperator(args)
	case "doctor":
		return runDoctor(args)
	case "export":
		return runExport(args)
	case "report":
		return runReport(args)
	case "help":
		usage()
		return nil
	}
	usage()
	return fmt.Errorf("unknown command %q", cmd)
}

func usage() {
	fmt.Fprint(os.Stderr, `Usage: kiosk [command] [flags]

Commands:
  run        run the kiosk with its config file; runs the demo when there is none (default)
  demo       run the demo: simulated reader, fake gateway on loopback, demo database
  operator   create or update an operator account (PIN, NDA date): kiosk operator add -id OP01 -name "..." -nda 2024-07-01;
             list the accounts: kiosk operator list
  export     write pending balikan records to an .xlsx or .csv file and mark them exported
  report     print the semester usage report (hits and outcomes per month and operator) as CSV
  doctor     check config, gateway, quota, agreement, reader, database and SSH; exit 1 on a failure

Run "kiosk COMMAND -h" for the flags of a command.
`)
}

// errUsage is returned after flag's own message was printed.
var errUsage = errors.New("invalid arguments")

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}
