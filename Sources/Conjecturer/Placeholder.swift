// The Conjecturer module. Its files arrive with the work that builds it.
enum ConjecturerModulePlaceholder {}
