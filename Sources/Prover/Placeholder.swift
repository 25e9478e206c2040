// The Prover module. Its files arrive with the work that builds it.
enum ProverModulePlaceholder {}
