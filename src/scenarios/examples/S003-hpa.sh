# S003-hpa: HPA on Deployment hpa-nginx at 10% CPU of a 10m request, driven by a wget loop, then scaling back
# zh: 以 wget 循环施压，HPA 按 10m 请求的 10% CPU 扩容 hpa-nginx，压力停止后缩回
# The seed's `kubectl run --requests` is from before kubectl 1.24, which removed the flag (and run creates a Pod).
kubectl run nginx-server-hpa --requests=cpu=10m --image=registry.cn-beijing.aliyuncs.com/dotbalo/nginx --port=80
# The same with today's kubectl: a Deployment, then its CPU request.
kubectl create deployment hpa-nginx --image=registry.cn-beijing.aliyuncs.com/dotbalo/nginx --port=80
kubectl set resources deployment hpa-nginx --requests=cpu=10m
kubectl expose deployment hpa-nginx --port=80
kubectl autoscale deployment hpa-nginx --cpu-percent=10 --min=1 --max=10
sleep 60
kubectl get hpa
kubectl top pods
# The seed's load: `while true; do wget -q -O- http://<ClusterIP> > /dev/null; done`, stopped with Ctrl-C.
# Here 50,000 requests (under a minute): each costs nginx a little CPU, and 10m is a small request.
# Pods that just started get a few requests before nginx listens (no readiness probe): 2>&1 hides those errors.
IP=$(kubectl get svc hpa-nginx -o jsonpath='{.spec.clusterIP}'); for i in $(seq 50000); do wget -q -O- http://$IP > /dev/null 2>&1; done
kubectl get hpa
kubectl get deployment hpa-nginx
kubectl describe hpa hpa-nginx
# Without load the HPA waits out its 5-minute scale-down stabilization window, then scales back to 1.
sleep 7m
kubectl get hpa
kubectl get deployment hpa-nginx
