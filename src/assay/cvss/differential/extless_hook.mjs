// Node module resolve hook: @pandatix/js-cvss publishes ESM with extensionless relative imports
// ("./cvss20"), which Node's ESM loader rejects; retry such imports with ".js".
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && relative && !specifier.endsWith('.js')) {
      return nextResolve(`${specifier}.js`, context);
    }
    throw error;
  }
}
