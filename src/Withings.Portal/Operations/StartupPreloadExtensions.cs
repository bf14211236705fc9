using Microsoft.Extensions.DependencyInjection.Extensions;
using Withings.Portal.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class StartupPreloadExtensions
{
    /// <summary>
    /// Builds the singleton <typeparamref name="T"/> at start-up, alongside the database migration, then runs
    /// <paramref name="built"/> (e.g. subscribing to its changes); requests wait until it is built.
    /// </summary>
    public static IServiceCollection PreloadAtStartup<T>(this IServiceCollection services, Action<T, IServiceProvider>? built = null)
        where T : notnull
    {
        services.AddSingleton(new StartupPreload(typeof(T).Name, provider =>
        {
            var service = provider.GetRequiredService<T>();
            built?.Invoke(service, provider);
        }));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupPreloader>());
        return services;
    }
}
