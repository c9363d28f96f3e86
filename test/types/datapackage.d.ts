/** The part of datapackage-js (Frictionless Data's JavaScript implementation) the tests use. */
declare module "datapackage" {
  interface Resource {
    readonly name: string;
    read(options?: { relations?: boolean; keyed?: boolean }): Promise<unknown[]>;
  }
  interface Package {
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
  const datapackage: {
    Package: {
      load(descriptor: string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    };
  };
  export default datapackage;
}
