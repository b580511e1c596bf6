(* fastpoll.ml -- loaded into every WP run (frama-c -load-module, see
   proofs/wpenv.sh).  Scheduling only: no goal, prover or verdict changes.

   In batch mode Frama-C 25 drives WP's task server from Task.on_idle, a
   loop that sleeps 50 ms between two scheduling rounds.  A goal passes
   through several rounds (VC built, Qed, cache or prover, result), and
   only -wp-par goals move per round, so a unit spent about half its wall
   time asleep: unit mem, every answer from the cache, 85 s wall for 55 s
   of CPU; with a 2 ms round, 42 s.  Same loop, same cancellation. *)
let () =
  Task.on_idle :=
    (fun step ->
       try while step () do Unix.sleepf 0.002 done
       with Db.Cancel -> ())
